"""What can be exported and imported: the datasets, their columns, and what each column holds.

One catalogue serves the export (which columns exist, how each is written), the import (which columns are
required, which form the natural key, which figures may not exceed which) and the templates (what each column
means, with an example). Column names are the database's; headers come from i18n.COLUMNS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The plan period: statistics and progress reports outside it are rejected on import.
FIRST_MONTH = dt.date(2023, 1, 1)
LAST_MONTH = dt.date(2025, 12, 1)
LAST_DAY = dt.date(2025, 12, 31)

# Reported status of a milestone in task_progress, in the order a clerk thinks of them.
REPORTED_STATUSES = ("not_started", "in_progress", "completed", "not_applicable")
LEVELS = ("nation", "province", "city", "county", "township")

# Column kinds. Text kinds are neutralised against formula injection on export.
TEXT_KINDS = frozenset({"code", "text", "status", "levels", "bool"})
NUMBER_KINDS = frozenset({"count", "hours", "percent", "number", "year"})


@dataclass(frozen=True)
class Field:
    """One column of a dataset.

    kind: code, text, month, date, count (integer >= 0), hours (number >= 0), percent (integer 0-100),
    number, year, status (a reported milestone status), bool, levels (a list of region levels).
    role (import only): key (part of the natural key), value (stored), check (a name that must agree with
    the code beside it, not stored), ignore (shown in exports for reading, skipped on import).
    """

    name: str
    kind: str
    role: str | None = None
    required: bool = False
    default: bool = True  # offered as a default column on the export page
    note: str = ""  # template explanation (Chinese: the templates are for clerks)
    example: str = ""


@dataclass(frozen=True)
class ImportQueries:
    existing: str
    delete: str
    insert: str


@dataclass(frozen=True)
class Dataset:
    key: str  # short name, used in the CLI and the URL (cases, training, progress, targets, milestones)
    label_key: str  # i18n string key
    export_query: str  # named query returning every column (unordered, so that counting it does not sort)
    fields: tuple[Field, ...]
    order_by: tuple[str, ...] = ()  # output columns of the export query the file is sorted by
    table: str | None = None  # the table an import writes, None if not importable
    # The import's named queries: stored rows with the incoming keys, delete the replaced keys, insert new rows.
    import_queries: ImportQueries | None = None
    # What the period filters: the statistics month, the report date, or the due date (catalogues).
    period_meaning: str = "month"
    # Import checks: (smaller, larger) pairs of columns where smaller may not exceed larger.
    not_above: tuple[tuple[str, str], ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def default_columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.default)

    @property
    def key_columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.role == "key")

    @property
    def value_columns(self) -> tuple[str, ...]:
        """Columns stored by an import (key and values), in table order."""
        return tuple(f.name for f in self.fields if f.role in ("key", "value"))

    @property
    def importable(self) -> bool:
        return self.table is not None

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


_REGION_CODE = Field(
    "region_code",
    "code",
    role="key",
    required=True,
    note="必填。填报单位所在地区的统计用区划代码: 县级及以上6位 (如 320102), 乡镇(街道)9位 (如 320102001)。"
    "省、市、县本级机关的数字填本级地区代码; 全国本级填 000000。",
    example="320102",
)
_REGION_NAME = Field(
    "region_name",
    "text",
    role="check",
    note="选填。地区名称, 仅用于核对: 若填写, 须与地区代码对应 (可填简称, 如“玄武”)。",
    example="玄武区",
)
_PERIOD_MONTH = Field(
    "period_month",
    "month",
    role="key",
    required=True,
    note="必填。统计月份, 如 2025-06 (也可写 2025/6、2025年6月)。限 2023-01 至 2025-12。",
    example="2025-06",
)
_IS_SAMPLE = Field("is_sample", "bool", role="ignore", default=False, note="导出时附带, 导入时忽略。")
_IMPORT_ID = Field("import_id", "count", role="ignore", default=False, note="导出时附带, 导入时忽略。")


def _count(name: str, note: str, example: str) -> Field:
    return Field(name, "count", role="value", required=True, note="必填。非负整数。" + note, example=example)


CASES = Dataset(
    order_by=("region_code", "period_month", "domain_sort"),
    key="cases",
    label_key="ds_cases",
    export_query="export_case_stats",
    table="case_stats",
    import_queries=ImportQueries(
        existing="import_existing_case_stats", delete="import_delete_case_stats", insert="import_insert_case_stats"
    ),
    fields=(
        _REGION_CODE,
        _REGION_NAME,
        _PERIOD_MONTH,
        Field(
            "domain_code",
            "code",
            role="key",
            required=True,
            default=False,  # the name says it to a reader; the import takes either
            note="必填。执法领域代码, 见“代码表”; 也可直接填领域名称 (如“市场监管”)。",
            example="market",
        ),
        Field("domain_name", "text", role="check", note="选填。执法领域名称, 仅用于核对。", example="市场监管"),
        _count("count_penalty", "当月作出的行政处罚决定件数。", "35"),
        _count("count_inspection", "当月开展的行政检查次数。", "210"),
        _count("count_license", "当月办理的行政许可件数。", "120"),
        _count("count_coercion", "当月采取的行政强制措施件数。", "4"),
        _count("major_decisions", "当月作出的重大执法决定件数。", "6"),
        _count("major_decisions_reviewed", "其中经法制审核的件数, 不得大于重大执法决定件数。", "6"),
        _count("decisions_to_publicize", "当月应当公开的执法决定件数。", "35"),
        _count("decisions_publicized", "其中已公开的件数, 不得大于应公开件数。", "35"),
        _count("decisions_publicized_7d", "其中7个工作日内公开的件数, 不得大于已公开件数。", "33"),
        _count("reconsiderations", "当月办结的以本单位为被申请人的行政复议件数。", "2"),
        _count("reconsiderations_corrected", "其中被纠错的件数, 不得大于复议件数。", "0"),
        _count("lawsuits", "当月办结的行政诉讼应诉件数。", "1"),
        _count("lawsuits_lost", "其中败诉件数, 不得大于应诉件数。", "0"),
        _count("head_appearances", "其中行政机关负责人出庭应诉件数, 不得大于应诉件数。", "1"),
        _count("complaints_12345", "当月收到的涉及本单位执法的12345热线投诉件数。", "8"),
        _count("case_files_reviewed", "当月评查的行政执法案卷数。", "12"),
        _count("case_files_passed", "其中评查合格的案卷数, 不得大于评查案卷数。", "11"),
        _IS_SAMPLE,
        _IMPORT_ID,
    ),
    not_above=(
        ("major_decisions_reviewed", "major_decisions"),
        ("decisions_publicized", "decisions_to_publicize"),
        ("decisions_publicized_7d", "decisions_publicized"),
        ("reconsiderations_corrected", "reconsiderations"),
        ("lawsuits_lost", "lawsuits"),
        ("head_appearances", "lawsuits"),
        ("case_files_passed", "case_files_reviewed"),
    ),
)

TRAINING = Dataset(
    order_by=("region_code", "period_month", "agency_sort"),
    key="training",
    label_key="ds_training",
    export_query="export_training_stats",
    table="training_stats",
    import_queries=ImportQueries(
        existing="import_existing_training_stats",
        delete="import_delete_training_stats",
        insert="import_insert_training_stats",
    ),
    fields=(
        _REGION_CODE,
        _REGION_NAME,
        _PERIOD_MONTH,
        Field(
            "agency_code",
            "code",
            role="key",
            required=True,
            default=False,  # the name says it to a reader; the import takes either
            note="必填。执法部门代码, 见“代码表”; 也可直接填部门名称 (如“市场监督管理部门”)。",
            example="market",
        ),
        Field("agency_name", "text", role="check", note="选填。执法部门名称, 仅用于核对。", example="市场监督管理部门"),
        _count("officers", "月末在岗行政执法人员人数。", "120"),
        _count("certified_officers", "月末持有行政执法证件的人数, 不得大于执法人员人数。", "118"),
        _count("full_rotation_trained", "自2023年起累计完成全员轮训的人数, 不得大于执法人员人数。", "96"),
        Field(
            "public_law_hours",
            "hours",
            role="value",
            required=True,
            note="必填。当月全体执法人员参加公共法律知识培训的学时合计 (人·学时), 可带小数, 不得为负。",
            example="300.5",
        ),
        Field(
            "professional_hours",
            "hours",
            role="value",
            required=True,
            note="必填。当月全体执法人员参加业务知识和执法技能培训的学时合计 (人·学时), 可带小数, 不得为负。",
            example="320",
        ),
        _count("exam_sampled", "当月参加闭卷考试抽考的人数。", "10"),
        _count("exam_passed", "其中考试合格的人数, 不得大于抽考人数。", "9"),
        _count("township_officers", "月末乡镇(街道)综合行政执法人员人数; 无则填0。", "0"),
        _count("township_officers_trained", "本年度已培训的乡镇(街道)执法人员人数, 不得大于乡镇执法人员人数。", "0"),
        _IS_SAMPLE,
        _IMPORT_ID,
    ),
    not_above=(
        ("certified_officers", "officers"),
        ("full_rotation_trained", "officers"),
        ("exam_passed", "exam_sampled"),
        ("township_officers_trained", "township_officers"),
    ),
)

PROGRESS = Dataset(
    order_by=("region_code", "milestone_id", "report_date"),
    key="progress",
    label_key="ds_progress",
    export_query="export_task_progress",
    table="task_progress",
    import_queries=ImportQueries(
        existing="import_existing_task_progress",
        delete="import_delete_task_progress",
        insert="import_insert_task_progress",
    ),
    period_meaning="report",
    fields=(
        Field(
            "milestone_id",
            "code",
            role="key",
            required=True,
            note="必填。里程碑事项编号, 见“事项编号表” (如 JS-M004)。",
            example="JS-M004",
        ),
        Field("plan_id", "code", role="ignore", default=False, note="导出时附带, 导入时忽略。"),
        Field("requirement", "text", role="ignore", default=False, note="导出时附带, 导入时忽略。"),
        Field("deadline_date", "date", role="ignore", default=False, note="导出时附带, 导入时忽略。"),
        _REGION_CODE,
        _REGION_NAME,
        Field(
            "report_date",
            "date",
            role="key",
            required=True,
            note="必填。报告日期, 如 2024-06-30 (也可写 2024/6/30)。限 2023-01-01 至 2025-12-31。"
            "同一事项、同一地区可以有多个报告日期, 看板取截至所选日期的最新一次报告。",
            example="2024-06-30",
        ),
        Field(
            "status_reported",
            "status",
            role="value",
            required=True,
            note="必填。未启动、推进中、已完成 或 不适用。",
            example="已完成",
        ),
        Field(
            "percent_complete",
            "percent",
            role="value",
            required=True,
            note="必填。完成进度, 0 到 100 的整数 (可带 %); 已完成须为 100。",
            example="100",
        ),
        Field(
            "completed_on",
            "date",
            role="value",
            note="状态为“已完成”时必填, 其他状态留空。完成日期, 不得晚于报告日期。",
            example="2024-06-20",
        ),
        Field(
            "evidence_note",
            "text",
            role="value",
            note="选填。佐证材料或进展说明。",
            example="已完成全员轮训, 台账已归档",
        ),
        _IS_SAMPLE,
        _IMPORT_ID,
    ),
)

TARGETS = Dataset(
    order_by=("plan_id", "seq"),
    key="targets",
    label_key="ds_targets",
    export_query="export_targets",
    period_meaning="due",
    fields=(
        Field("target_id", "code"),
        Field("plan_id", "code"),
        Field("clause_path", "text"),
        Field("indicator_key", "code", default=False),
        Field("indicator_name", "text"),
        Field("comparator", "text"),
        Field("target_value", "number"),
        Field("unit", "text"),
        Field("target_year", "year"),
        Field("deadline_date", "date"),
        Field("applies_to", "text"),
        Field("applies_to_levels", "levels"),
        Field("milestone_id", "code", default=False),
        Field("quote", "text"),
    ),
)

MILESTONES = Dataset(
    order_by=("plan_id", "seq"),
    key="milestones",
    label_key="ds_milestones",
    export_query="export_milestones",
    period_meaning="due",
    fields=(
        Field("milestone_id", "code"),
        Field("plan_id", "code"),
        Field("clause_path", "text"),
        Field("task_area", "text"),
        Field("kind", "code", default=False),
        Field("requirement", "text"),
        Field("lead_units", "text"),
        Field("responsible_units", "text"),
        Field("deadline_text", "text"),
        Field("deadline_date", "date"),
        Field("milestone_year", "year"),
        Field("is_ongoing", "bool"),
        Field("applies_to_levels", "levels"),
        Field("quote", "text", default=False),
    ),
)

# In the order the export page offers them.
DATASETS: dict[str, Dataset] = {d.key: d for d in (PROGRESS, TRAINING, CASES, TARGETS, MILESTONES)}
IMPORTABLE: dict[str, Dataset] = {key: d for key, d in DATASETS.items() if d.importable}


def dataset(key: str) -> Dataset:
    """The dataset of this name, or a ValueError naming the choices."""
    try:
        return DATASETS[key]
    except KeyError:
        raise ValueError(f"未知的数据集: {key} (可选: {', '.join(DATASETS)})") from None
