"""What can be exported and imported: the datasets, their columns, and what each column holds.

One catalogue serves the export (which columns exist, how each is written), the import (which columns are
required, which form the natural key, which figures may not exceed which) and the templates (what each column
means, with an example). Column names are the database's; headers come from i18n.COLUMNS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from enforcement.i18n import STRINGS, t

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
    example: str = ""

    def note(self, lang: str = "zh") -> str:
        """What the column holds, as the template explains it (i18n/catalog/column_notes.toml); '' if unexplained.
        A count's note starts with the rule every count shares."""
        key = f"note_{self.name}"
        if key not in STRINGS:
            return ""
        if self.kind == "count" and self.role == "value":
            return ("" if lang == "zh" else " ").join((t("note_count_rule", lang), t(key, lang)))
        return t(key, lang)


@dataclass(frozen=True)
class ImportQueries:
    compare: str  # each uploaded row against the stored row of its key: found, same
    archive: str  # keep the stored rows that changed rows replace (replaced_<table>, read by import_replaced_rows)
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
    # The import's named queries: compare uploaded rows with stored ones, keep and delete the replaced, insert.
    import_queries: ImportQueries | None = None
    # What the period filters: the statistics month, the report date, or the due date (catalogues).
    period_meaning: str = "month"
    # Import checks: (smaller, larger) pairs of columns where smaller may not exceed larger.
    not_above: tuple[tuple[str, str], ...] = ()
    # A named query counting export_query's rows on the fact table alone when no level is chosen (the large
    # statistics tables: counting through the name joins probed every row); None: count export_query itself.
    count_query: str | None = None
    # The fact table an import of it changes, as the rollups name their sources (rollups.SOURCES): its rollup rows
    # are rebuilt after the import. None: no monthly rollup reads the table (progress, targets, milestones).
    rollup_source: str | None = None

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
    example="320102",
)
_REGION_NAME = Field(
    "region_name",
    "text",
    role="check",
    example="玄武区",
)
_PERIOD_MONTH = Field(
    "period_month",
    "month",
    role="key",
    required=True,
    example="2025-06",
)
_IS_SAMPLE = Field("is_sample", "bool", role="ignore", default=False)
_IMPORT_ID = Field("import_id", "count", role="ignore", default=False)


def _count(name: str, example: str) -> Field:
    return Field(name, "count", role="value", required=True, example=example)


CASES = Dataset(
    order_by=("region_code", "period_month", "domain_sort"),
    key="cases",
    label_key="ds_cases",
    export_query="export_case_stats",
    count_query="export_count_case_stats",
    table="case_stats",
    rollup_source="cases",
    import_queries=ImportQueries(
        compare="import_compare_case_stats",
        archive="import_archive_case_stats",
        delete="import_delete_case_stats",
        insert="import_insert_case_stats",
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
            example="market",
        ),
        Field("domain_name", "text", role="check", example="市场监管"),
        _count("count_penalty", "35"),
        _count("count_inspection", "210"),
        _count("count_license", "120"),
        _count("count_coercion", "4"),
        _count("major_decisions", "6"),
        _count("major_decisions_reviewed", "6"),
        _count("decisions_to_publicize", "35"),
        _count("decisions_publicized", "35"),
        _count("decisions_publicized_7d", "33"),
        _count("reconsiderations", "2"),
        _count("reconsiderations_corrected", "0"),
        _count("lawsuits", "1"),
        _count("lawsuits_lost", "0"),
        _count("head_appearances", "1"),
        _count("complaints_12345", "8"),
        _count("case_files_reviewed", "12"),
        _count("case_files_passed", "11"),
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
    count_query="export_count_training_stats",
    table="training_stats",
    rollup_source="training",
    import_queries=ImportQueries(
        compare="import_compare_training_stats",
        archive="import_archive_training_stats",
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
            example="market",
        ),
        Field("agency_name", "text", role="check", example="市场监督管理部门"),
        _count("officers", "120"),
        _count("certified_officers", "118"),
        _count("full_rotation_trained", "96"),
        Field(
            "public_law_hours",
            "hours",
            role="value",
            required=True,
            example="300.5",
        ),
        Field(
            "professional_hours",
            "hours",
            role="value",
            required=True,
            example="320",
        ),
        _count("exam_sampled", "10"),
        _count("exam_passed", "9"),
        _count("township_officers", "0"),
        _count("township_officers_trained", "0"),
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
        compare="import_compare_task_progress",
        archive="import_archive_task_progress",
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
            example="JS-M004",
        ),
        Field("plan_id", "code", role="ignore", default=False),
        Field("requirement", "text", role="ignore", default=False),
        Field("deadline_date", "date", role="ignore", default=False),
        _REGION_CODE,
        _REGION_NAME,
        Field(
            "report_date",
            "date",
            role="key",
            required=True,
            example="2024-06-30",
        ),
        Field(
            "status_reported",
            "status",
            role="value",
            required=True,
            example="已完成",
        ),
        Field(
            "percent_complete",
            "percent",
            role="value",
            required=True,
            example="100",
        ),
        Field(
            "completed_on",
            "date",
            role="value",
            example="2024-06-20",
        ),
        Field(
            "evidence_note",
            "text",
            role="value",
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
