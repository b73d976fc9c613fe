"""Every UI string, in Simplified Chinese (default) and English. Data values (region names) are not translated."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # frame
    "app_title": ("行政执法质量三年行动 进度看板", "Administrative Enforcement Quality: 3-Year Action Progress"),
    "app_short": ("执法质量三年行动", "Enforcement 3-Year Plan"),
    "sample_banner": (
        "示例数据: 本库的统计数字由程序按固定种子生成, 仅用于演示, 不是真实上报数据。方案、里程碑和指标来自正式文件。",
        "Sample data: the statistics in this database are generated (seeded) for demonstration and are not real "
        "reported figures. Plans, milestones and targets come from the official documents.",
    ),
    "sample_short": ("示例数据", "sample data"),
    "real_short": ("上报数据", "reported data"),
    "caption_as_of": ("数据截至 {as_of} · {kind}", "Data as of {as_of} · {kind}"),
    "language": ("语言", "Language"),
    "filters": ("筛选", "Filters"),
    "region": ("地区", "Region"),
    "region_all": ("(全部)", "(all)"),
    "nation": ("全国", "China"),
    "as_of": ("截至日期", "As of"),
    "as_of_quick": ("快捷日期", "Quick pick"),
    "since": ("变化起始日期", "Changed since"),
    "period": ("统计期间", "Period"),
    "period_from": ("起始月份", "From month"),
    "period_to": ("截止月份", "To month"),
    "plan": ("实施方案", "Plan"),
    "plan_all": ("(全部方案)", "(all plans)"),
    "task_area": ("任务领域", "Task area"),
    "area_all": ("(全部领域)", "(all areas)"),
    "domain": ("执法领域", "Enforcement domain"),
    "domain_all": ("(全部领域)", "(all domains)"),
    "copy_link": ("复制本页链接即可分享当前视图", "Copy this page's address to share the current view"),
    "quick_custom": ("自定义", "Custom"),
    "quick_latest": ("最新数据", "Latest data"),
    "quick_year_end": ("{year}年底", "End of {year}"),
    "quick_midterm": ("中期评估 ({plan})", "Mid-term evaluation ({plan})"),
    "quick_final": ("终期评估 ({plan})", "Final evaluation ({plan})"),
    "notice_unknown": (
        "链接中的 {parameter}={value} 无法识别, 已改用默认值。",
        "Link parameter {parameter}={value} is not known; the default is used.",
    ),
    "notice_bad_date": (
        "链接中的 {parameter}={value} 不是有效日期, 已改用默认值。",
        "Link parameter {parameter}={value} is not a valid date; the default is used.",
    ),
    "notice_out_of_range": (
        "链接中的 {parameter}={value} 超出数据范围, 已改用默认值。",
        "Link parameter {parameter}={value} is outside the data; the default is used.",
    ),
    "notice_since_after_as_of": (
        "“变化起始日期”晚于截至日期, 已改用默认值。",
        "'Changed since' was after the as-of date; the default is used.",
    ),
    "notice_period_reversed": (
        "统计期间起止颠倒, 已改用默认期间。",
        "The period's start was after its end; the default period is used.",
    ),
    "db_building": ("首次运行: 正在构建示例数据库 (约10秒)…", "First run: building the sample database (about 10 s)…"),
    "db_missing": (
        "数据库文件不存在或已损坏: {path}。请运行 `python -m enforcement build` 重新构建。",
        "The database file is missing or damaged: {path}. Run `python -m enforcement build` to rebuild it.",
    ),
    "db_old_schema": (
        "数据库 {path} 由旧版本程序构建 (结构版本 {found}, 需要 {expected})。请运行 `python -m enforcement build` 重新构建。",
        "The database {path} was built by an older version (schema {found}, need {expected}). "
        "Run `python -m enforcement build` to rebuild it.",
    ),
    # navigation
    "nav_overview": ("总览", "Overview"),
    "nav_milestones": ("里程碑", "Milestones"),
    "nav_ledger": ("任务台账", "Task ledger"),
    "nav_training": ("培训", "Training"),
    "nav_cases": ("案件", "Cases"),
    "nav_regions": ("地区对比", "Regions"),
    "nav_export": ("数据导出", "Export"),
    "nav_import": ("数据导入", "Import"),
    # levels
    "level_nation": ("全国", "nation"),
    "level_province": ("省", "province"),
    "level_city": ("市", "city"),
    "level_county": ("县", "county"),
    "level_township": ("乡镇(街道)", "township"),
    "own_agencies": ("本级", "own agencies"),
    # milestone statuses
    "status_done_on_time": ("按期完成", "Done on time"),
    "status_done_late": ("逾期完成", "Done late"),
    "status_overdue": ("逾期未完成", "Overdue"),
    "status_due_soon": ("临期(60天内)", "Due within 60 days"),
    "status_behind_schedule": ("滞后序时进度", "Behind schedule"),
    "status_in_progress": ("正常推进", "In progress"),
    "status_not_started": ("未启动", "Not started"),
    "status_not_applicable": ("不适用", "Not applicable"),
    "target_met": ("已达标", "Met"),
    "target_not_met": ("未达标", "Not met"),
    "target_no_data": ("无数据", "No data"),
    "target_behind_schedule": ("滞后序时进度", "Behind schedule"),
    "target_not_due": ("未到期限", "Not yet due"),
    # shared blocks
    "show_data": ("查看图表数据", "Numbers behind the chart"),
    "download_csv": ("下载CSV (Excel可直接打开)", "Download CSV (opens in Excel)"),
    "rows": ("{n} 行", "{n} rows"),
    "no_data": ("所选条件下没有数据。", "No data for the chosen filters."),
    "target": ("目标", "Target"),
    "average": ("平均", "Average"),
    "parent_average": ("上级平均", "Parent average"),
    # overview
    "milestones_by_status": ("里程碑完成情况", "Milestones by status"),
    "milestones_by_status_help": (
        "{region}及其下辖地区承担的里程碑事项 (事项×地区), 按截至 {as_of} 的状态统计",
        "Milestone items (item × region) of {region} and the regions under it, by status on {as_of}",
    ),
    "milestone_year": ("里程碑年度", "Milestone year"),
    "count": ("数量", "Count"),
    "no_milestones": (
        "该地区在所选方案下没有里程碑事项。",
        "No milestones apply to this region under the chosen plan.",
    ),
}


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
    "region_code": ("地区代码", "Region code"),
    "region_name": ("地区", "Region"),
    "full_name": ("地区全称", "Region (full)"),
    "level": ("层级", "Level"),
    "parent_code": ("上级地区代码", "Parent code"),
    "plan_id": ("方案", "Plan"),
    "milestone_id": ("事项编号", "Item"),
    "clause_path": ("条款", "Clause"),
    "task_area": ("任务领域", "Task area"),
    "kind": ("类别", "Kind"),
    "requirement": ("任务要求", "Requirement"),
    "lead_units": ("牵头单位", "Lead units"),
    "responsible_units": ("责任单位", "Responsible units"),
    "deadline_text": ("完成时限(原文)", "Deadline (as written)"),
    "deadline_date": ("完成时限", "Deadline"),
    "milestone_year": ("里程碑年度", "Milestone year"),
    "is_ongoing": ("长期坚持", "Ongoing"),
    "quote": ("原文", "Quote"),
    "status": ("状态", "Status"),
    "status_label": ("状态", "Status"),
    "report_date": ("报告日期", "Reported on"),
    "percent_complete": ("完成进度(%)", "Progress (%)"),
    "completed_on": ("完成日期", "Completed on"),
    "evidence_note": ("佐证说明", "Evidence"),
    "period_month": ("月份", "Month"),
    "domain_code": ("执法领域代码", "Domain code"),
    "domain_name": ("执法领域", "Domain"),
    "agency_code": ("执法部门代码", "Agency code"),
    "agency_name": ("执法部门", "Agency"),
    "indicator_key": ("指标代码", "Indicator code"),
    "indicator_name": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "comparator": ("比较", "Comparator"),
    "target_value": ("目标值", "Target"),
    "target_year": ("目标年度", "Target year"),
    "target_status": ("达标情况", "Target status"),
    "count_penalty": ("行政处罚(件)", "Penalties"),
    "count_inspection": ("行政检查(次)", "Inspections"),
    "count_license": ("行政许可(件)", "Licences"),
    "count_coercion": ("行政强制(件)", "Coercive measures"),
    "major_decisions": ("重大执法决定(件)", "Major decisions"),
    "major_decisions_reviewed": ("经法制审核(件)", "Legally reviewed"),
    "decisions_to_publicize": ("应公开决定(件)", "Decisions to publicize"),
    "decisions_publicized": ("已公开决定(件)", "Decisions publicized"),
    "decisions_publicized_7d": ("7个工作日内公开(件)", "Publicized within 7 working days"),
    "reconsiderations": ("行政复议(件)", "Reconsiderations"),
    "reconsiderations_corrected": ("复议纠错(件)", "Reconsiderations corrected"),
    "lawsuits": ("行政诉讼应诉(件)", "Lawsuits"),
    "lawsuits_lost": ("败诉(件)", "Lawsuits lost"),
    "head_appearances": ("负责人出庭应诉(件)", "Agency-head appearances"),
    "complaints_12345": ("12345投诉(件)", "12345 complaints"),
    "case_files_reviewed": ("评查案卷(卷)", "Case files reviewed"),
    "case_files_passed": ("评查合格(卷)", "Case files passed"),
    "officers": ("执法人员(人)", "Officers"),
    "certified_officers": ("持证人员(人)", "Certified officers"),
    "full_rotation_trained": ("完成全员轮训(人)", "Full rotation done"),
    "public_law_hours": ("公共法律知识培训(学时)", "Public-law hours"),
    "professional_hours": ("业务知识与技能培训(学时)", "Professional hours"),
    "exam_sampled": ("闭卷考试抽考(人)", "Exam sampled"),
    "exam_passed": ("考试合格(人)", "Exam passed"),
    "township_officers": ("乡镇(街道)执法人员(人)", "Township officers"),
    "township_officers_trained": ("乡镇(街道)已培训(人)", "Township officers trained"),
    "legal_reviewers": ("法制审核人员(人)", "Legal reviewers"),
    "judicial_offices": ("司法所(个)", "Judicial offices"),
    "judicial_offices_with_legal_staff": ("配备法律专业人员的司法所(个)", "Offices with legal staff"),
    "enterprise_inspections": ("涉企检查(次)", "Enterprise inspections"),
    "enterprise_inspections_joint": ("联合检查(次)", "Joint inspections"),
    "enterprise_inspections_random": ("“双随机”检查(次)", "Random-selection inspections"),
    "respondents": ("受访人数", "Respondents"),
    "satisfied": ("满意人数", "Satisfied"),
    "is_sample": ("示例数据", "Sample data"),
    "import_id": ("导入批次", "Import batch"),
}


# Strings of each page, in its own table so pages can be worked on side by side; merged into STRINGS below.

# 总览
_OVERVIEW_STRINGS: dict[str, tuple[str, str]] = {}

# 总览: column headers
_OVERVIEW_COLUMNS: dict[str, tuple[str, str]] = {}

# 里程碑
_MILESTONES_STRINGS: dict[str, tuple[str, str]] = {}

# 里程碑: column headers
_MILESTONES_COLUMNS: dict[str, tuple[str, str]] = {}

# 任务台账
_LEDGER_STRINGS: dict[str, tuple[str, str]] = {}

# 任务台账: column headers
_LEDGER_COLUMNS: dict[str, tuple[str, str]] = {}

# 培训
_TRAINING_STRINGS: dict[str, tuple[str, str]] = {}

# 培训: column headers
_TRAINING_COLUMNS: dict[str, tuple[str, str]] = {}

# 案件
_CASES_STRINGS: dict[str, tuple[str, str]] = {}

# 案件: column headers
_CASES_COLUMNS: dict[str, tuple[str, str]] = {}

# 地区对比
_REGIONS_STRINGS: dict[str, tuple[str, str]] = {}

# 地区对比: column headers
_REGIONS_COLUMNS: dict[str, tuple[str, str]] = {}

# 数据导出/导入
_TRANSFER_STRINGS: dict[str, tuple[str, str]] = {}

# 数据导出/导入: column headers
_TRANSFER_COLUMNS: dict[str, tuple[str, str]] = {}

# 故障与提示
_FAULTS_STRINGS: dict[str, tuple[str, str]] = {}

# 故障与提示: column headers
_FAULTS_COLUMNS: dict[str, tuple[str, str]] = {}

for _table in (
    _MILESTONES_STRINGS,
    _LEDGER_STRINGS,
    _TRAINING_STRINGS,
    _CASES_STRINGS,
    _REGIONS_STRINGS,
    _TRANSFER_STRINGS,
    _FAULTS_STRINGS,
):
    STRINGS.update(_table)
for _table in (
    _MILESTONES_COLUMNS,
    _LEDGER_COLUMNS,
    _TRAINING_COLUMNS,
    _CASES_COLUMNS,
    _REGIONS_COLUMNS,
    _TRANSFER_COLUMNS,
    _FAULTS_COLUMNS,
):
    COLUMNS.update(_table)


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The string for key in lang, with {placeholders} filled."""
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def status_label(status: str, lang: str = "zh") -> str:
    """Label of a milestone status (done_on_time, overdue, …)."""
    return t(f"status_{status}", lang)


def level_label(level: str, lang: str = "zh") -> str:
    return t(f"level_{level}", lang)


def column_label(column: str, lang: str = "zh") -> str:
    """Header of a database column in tables and exports (the column name itself if it has no label)."""
    labels = COLUMNS.get(column)
    if labels is None:
        return column
    return labels[1] if lang == "en" else labels[0]
