"""Strings of 案件 Cases."""

STRINGS: dict[str, tuple[str, str]] = {
    "ca_title": ("案件", "Cases"),
    "ca_kpi_period_help": ("当年累计 {period}", "Year to date {period}"),
    "ca_kpi_penalties": ("行政处罚", "Penalties"),
    "ca_kpi_sparkline_help": ("; 小图为当年累计值的逐月变化", "; the small chart shows the year-so-far value by month"),
    "ca_kpi_penalties_delta": ("行政检查 {inspections} 次", "{inspections} inspections"),
    "ca_kpi_below_parent": ("目标: 低于上级平均 · 见下方各地区对比", "Target: below the parent average (see below)"),
    "ca_type_count_penalty": ("行政处罚(件)", "Penalties"),
    "ca_type_count_inspection": ("行政检查(次)", "Inspections"),
    "ca_type_count_license": ("行政许可(件)", "Licences"),
    "ca_type_count_coercion": ("行政强制(件)", "Coercive measures"),
    "ca_counts_title": ("执法案件量 (按月, 分类型)", "Cases by month and type"),
    "ca_counts_note": (
        "四类数量相差上百倍, 各用一幅小图、各自的纵轴。",
        "The four kinds differ a hundredfold, so each has its own panel and scale.",
    ),
    "ca_duties_title": (
        "法制审核、7日内公开与负责人出庭 (当年累计, 按月)",
        "Legal review, publicity within 7 days and head appearances (year so far)",
    ),
    "ca_duties_note": (
        "每年1月起重新累计: 重大执法决定法制审核执行率、作出决定7个工作日内公开率、行政机关负责人出庭应诉率。",
        "Counted from January each year: legal review of major decisions, decisions publicized within 7 working "
        "days, agency-head court appearances.",
    ),
    "ca_targets_for": ("目标线适用于: {names}。", "The target line applies to: {names}."),
    "ca_children_title": ("各下级地区对比", "Regions under this one"),
    "ca_domain_title": ("各执法领域对比", "By enforcement domain"),
    "ca_period_note": ("指标为当年累计 ({period})。", "Indicators are the year to date ({period})."),
    "ca_below_parent_note": (
        "败诉率目标为低于上级平均: 各下级地区与{region}整体 (虚线) 比较。",
        "The loss-rate target is 'below the parent average': each region is compared with {region} as a whole (dotted line).",
    ),
    "ca_all_domains": ("全部领域", "All domains"),
    "ca_domain_highlight": (
        "所选执法领域以深色突出, 其余领域供对照。",
        "The chosen domain is highlighted; the others are shown for comparison.",
    ),
    "ca_complaints": ("12345投诉", "12345 complaints"),
    "ca_complaints_title": ("12345 执法投诉 (按月)", "12345 complaints about enforcement, by month"),
    "ca_complaints_note": (
        "12345热线转办的行政执法投诉件数。",
        "Complaints about enforcement passed on by the 12345 hotline.",
    ),
    "ca_unit_cases": ("件", "cases"),
    "ca_case_files_title": ("案卷评查合格率 (当年累计)", "Case files passing review (year so far)"),
    "ca_case_files_note": (
        "评查一般在季末进行, 每年1月起重新累计。",
        "Reviews usually happen at quarter ends; counted from January each year.",
    ),
    "ca_no_case_file_target": ("方案未设合格率目标。", "No plan sets a pass-rate target."),
}


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
    "legal_review_rate": ("法制审核执行率(%)", "Legal review (%)"),
    "publicity_within_7d_rate": ("7日内公开率(%)", "Publicized within 7 days (%)"),
    "head_appearance_rate": ("负责人出庭应诉率(%)", "Head appearances (%)"),
    "litigation_loss_rate": ("行政诉讼败诉率(%)", "Litigation loss rate (%)"),
    "case_file_pass_rate": ("案卷评查合格率(%)", "Case files passed (%)"),
    "reconsideration_correction_rate": ("复议纠错率(%)", "Reconsiderations corrected (%)"),
}
