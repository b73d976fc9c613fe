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
    # overview v1
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
