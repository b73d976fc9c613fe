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

# 总览 (the judgement, unit and target strings are also used by 地区对比)
_OVERVIEW_STRINGS: dict[str, tuple[str, str]] = {
    "ov_intro": (
        "里程碑状态截至 {as_of} (变化较 {since}); 量化指标统计期间 {period}, 与上年同期 ({prev}) 比较。",
        "Milestone status on {as_of} (change since {since}); indicators over {period}, compared with {prev}.",
    ),
    "ov_plans": ("适用的实施方案: {plans}", "Plans governing this region: {plans}"),
    "ov_no_plan": (
        "本地区不在任何实施方案的范围内: 指标只显示数值, 不作目标判定 (无目标)。",
        "No plan governs this region: indicators are shown without targets.",
    ),
    "ov_section_milestones": ("里程碑: 2023、2024、2025 年是否按期完成", "Milestones: on track for 2023, 2024, 2025?"),
    "ov_section_indicators": ("量化指标对照目标 ({period})", "Indicators against their targets ({period})"),
    "ov_behind_title": ("最落后的下级地区", "Regions under this one most behind"),
    "ov_behind_caption": (
        "按逾期及滞后序时进度的里程碑事项占比排序, 其次为事项数、未达标指标数和差距。点击地区名称打开该地区的总览。",
        "Ranked by the share of milestone items overdue or behind schedule, then by their number, by targets missed "
        "and by the gap. Click a name to open that region's overview.",
    ),
    "ov_behind_line": (
        "逾期或滞后 {lagging}/{items} 项 ({share}) · 未达标指标 {missed} 项",
        "{lagging} of {items} items overdue or behind ({share}) · {missed} targets missed",
    ),
    "ov_behind_worst": ("差距最大: {indicator}", "Widest gap: {indicator}"),
    "ov_behind_none": (
        "下级地区没有里程碑事项或统计数据。",
        "The regions under this one have no milestone items or figures.",
    ),
    "ov_no_children": (
        "{region}是最低一级地区, 没有下级地区。",
        "{region} is at the lowest level; no regions under it.",
    ),
    "ov_all_children": ("在“地区对比”中查看全部下级地区", "See all regions under this one in Regions"),
    "ov_behind_table": ("全部下级地区排序", "All regions under this one, ranked"),
    "ov_chart_title": ("各年度里程碑事项状态构成", "Milestone items by status, per deadline year"),
    "ov_chart_x": ("占当年事项的比例 (%)", "Share of the year's items (%)"),
    "ov_chart_help": (
        "{region}及其下辖地区承担的里程碑事项 (事项×地区, 不含不适用), 按截至 {as_of} 的状态; 条内数字为占比, "
        "悬停可见事项数。",
        "Milestone items (item × region, not counting not-applicable) of {region} and the regions under it, by status "
        "on {as_of}; bars show shares, hover for counts.",
    ),
    "kpi_period_range": ("{start} 至 {end}", "{start} to {end}"),
    "kpi_year_items": ("{year}年 ({items}项)", "{year} ({items} items)"),
    "kpi_delta_points": ("{delta} 个百分点", "{delta} pts"),
    "kpi_vs_previous": ("较上年同期", "vs a year earlier"),
    "kpi_since": ("较 {since}", "since {since}"),
    "kpi_no_target": ("无目标", "no target"),
    "kpi_below_parent": ("低于{parent}平均 ({value})", "below the {parent} average ({value})"),
    "kpi_no_target_help": (
        "适用于本地区的实施方案没有为该指标设定量化目标: 只显示数值, 不作红黄绿判定。",
        "No plan governing this region sets a target for this indicator: the value is shown without a judgement.",
    ),
    "kpi_target_year": (" ({year}年目标)", " (target for {year})"),
    "kpi_source": (
        "**依据**: {issuer}{number}《{title}》{clause} ({target_id})",
        "**Source**: {issuer}{number}, {title}, clause {clause} ({target_id})",
    ),
    "kpi_not_due_help": (
        "截至日期时该目标尚未到期 (或方案尚未印发): 只作参考, 不作判定。",
        "On the as-of date this target was not yet due (or the plan not yet issued): shown, not judged.",
    ),
    "kpi_target_line": (
        "**目标**: {target} · **判定**: {judgement}",
        "**Target**: {target} · **Judgement**: {judgement}",
    ),
    "kpi_definition": ("**口径**: {definition}", "**Definition**: {definition}"),
    "kpi_numbers": (
        "**数据**: {period}, 分子 {numerator}, 分母 {denominator}",
        "**Figures**: {period}, numerator {numerator}, denominator {denominator}",
    ),
    "kpi_rag_rule": (
        "绿: 达标; 黄: 未达标但差距在目标值的5%以内; 红: 差距更大; 灰: 无目标、未到期或无数据。",
        "Green: met; amber: not met but within 5 % of the target; red: further off; grey: no target, not yet due "
        "or no data.",
    ),
    "kpi_milestone_title": ("{year}年里程碑完成率", "{year} milestones done"),
    "kpi_milestone_detail": (
        "按期完成 {on_time} · 逾期完成 {late} · 逾期未完成 {overdue} · 滞后 {behind} · 共 {items} 项",
        "{on_time} on time · {late} late · {overdue} overdue · {behind} behind · {items} items",
    ),
    "kpi_milestone_help": (
        "期限在{year}年的里程碑事项 (事项×地区, 不含不适用) 中已完成 (按期或逾期) 的比例。"
        "颜色看是否按期: 绿 = 没有逾期或滞后序时进度的事项; 黄 = 这类事项不超过 {amber}%; 红 = 超过 {amber}%。"
        "变化为完成率较“变化起始日期”的变化。依据: 各实施方案对该事项规定的完成时限。",
        "Share of the milestone items (item × region, not counting not-applicable) due in {year} that are done, "
        "on time or late. Colour: green = no item overdue or behind schedule; amber = at most {amber} % of them; "
        "red = more. The change is against the 'changed since' date. Source: each plan's deadline for the item.",
    ),
    "judgement_met": ("达标", "Met"),
    "judgement_near": ("接近目标", "Close to target"),
    "judgement_not_met": ("未达标", "Not met"),
    "judgement_not_due": ("未到期", "Not yet due"),
    "judgement_no_data": ("无数据", "No data"),
    "judgement_no_target": ("无目标", "No target"),
    "milestone_judgement_met": ("按期推进", "On track"),
    "milestone_judgement_near": ("少量逾期或滞后", "A few items late"),
    "milestone_judgement_not_met": ("逾期或滞后较多", "Many items late"),
    "milestone_judgement_no_data": ("无事项", "No items"),
    "unit_学时": ("学时", "hours"),
    "hover_value": ("数值", "Value"),
    "hover_numbers": ("分子/分母", "Numerator/denominator"),
}

# 总览: column headers
_OVERVIEW_COLUMNS: dict[str, tuple[str, str]] = {
    "rank": ("排名", "Rank"),
    "items": ("事项(项)", "Items"),
    "items_total": ("事项合计(项)", "Items"),
    "items_overdue": ("逾期未完成(项)", "Overdue"),
    "items_behind_schedule": ("滞后序时进度(项)", "Behind schedule"),
    "items_due_soon": ("临期(项)", "Due within 60 days"),
    "items_in_progress": ("正常推进(项)", "In progress"),
    "items_not_started": ("未启动(项)", "Not started"),
    "items_done_late": ("逾期完成(项)", "Done late"),
    "items_done_on_time": ("按期完成(项)", "Done on time"),
    "items_not_applicable": ("不适用(项)", "Not applicable"),
    "lagging_items": ("逾期或滞后(项)", "Overdue or behind"),
    "overdue_items": ("逾期未完成(项)", "Overdue"),
    "behind_items": ("滞后序时进度(项)", "Behind schedule"),
    "done_items": ("已完成(项)", "Done"),
    "lagging_share": ("逾期或滞后占比(%)", "Overdue or behind (%)"),
    "targets_missed": ("未达标指标(项)", "Targets missed"),
    "worst_indicator": ("差距最大的指标", "Widest gap"),
    "worst_gap": ("相对差距", "Relative gap"),
}

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
_REGIONS_STRINGS: dict[str, tuple[str, str]] = {
    "rg_indicator": ("排名指标", "Rank on"),
    "rg_period": (
        "指标统计期间 {period} · 里程碑状态截至 {as_of}",
        "Indicators over {period} · milestone status on {as_of}",
    ),
    "rg_click_hint": (
        "点击条形进入该地区 (下钻一级); 点上方路径中的地区返回上级。",
        "Click a bar to drill down into that region; use the path above to go back up.",
    ),
    "rg_average_note": (
        "平均线是{region}整体 (含本级机关) 的数值",
        "the average line is {region} as a whole (its own agencies included)",
    ),
    "rg_leaf": (
        "{region}是最低一级地区, 没有下级地区可比较。",
        "{region} is at the lowest level: there are no regions under it to compare.",
    ),
    "rg_open_overview": ("打开{region}的总览", "Open the overview of {region}"),
    "rg_definition": ("口径: {definition}", "Definition: {definition}"),
    "rg_target": ("目标: {target}", "Target: {target}"),
    "rg_no_target_help": (
        "这些下级地区适用的实施方案都没有为该指标设定量化目标: 只比较数值, 不作红黄绿判定。",
        "No plan governing these regions sets a target for this indicator: values are compared without a judgement.",
    ),
    "rg_targets_differ": (
        "下级地区适用不同方案的目标, 各条形上的红色竖线为其自身目标。",
        "The regions follow different plans' targets: the red mark on each bar is its own target.",
    ),
    "rg_no_data": (
        "无数据、未画出的下级地区 ({n} 个, 仍列在数据表中): {names}",
        "Regions without data, not drawn ({n}; still in the table): {names}",
    ),
    "rg_treemap_help": (
        "每块是一个地区 (同级面积相同), 颜色由红 (本图最差) 到绿 (最好), 灰色为无数据; 没有数据的下级地区不画出。"
        "点击某块可放大查看其下级。",
        "Each tile is a region (equal areas per level), red (worst shown) to green (best), grey without data; "
        "regions under this one without data are left out. Click a tile to zoom into it.",
    ),
    "ind_milestone_lagging": ("逾期及滞后里程碑事项占比", "Milestone items overdue or behind schedule"),
    "ind_milestone_lagging_def": (
        "截至日期时逾期未完成及滞后序时进度的事项 ÷ 适用事项 (事项×地区, 不含不适用) × 100",
        "Items overdue or behind schedule on the as-of date ÷ applicable items (item × region) × 100",
    ),
    "ind_milestone_target": ("0% (各事项按期完成)", "0 % (every item on time)"),
    "ranking_title": ("下级地区排名 (由差到好)<br>{indicator}", "Regions under this one, worst first<br>{indicator}"),
    "treemap_title": ("下两级地区一览<br>{indicator}", "Two levels down<br>{indicator}"),
    "parent_average_named": ("{name}平均 {value}", "{name} average {value}"),
    "parent_average_is_target": ("{name}平均 {value} (目标: 低于此线)", "{name} average {value} (target: below it)"),
}

# 地区对比: column headers
_REGIONS_COLUMNS: dict[str, tuple[str, str]] = {
    "numerator": ("分子", "Numerator"),
    "denominator": ("分母", "Denominator"),
    "target_text": ("目标", "Target"),
    "depth": ("层级 (0=本地区, 1=下级, 2=下两级)", "Depth (0 = this region, 1 = children, 2 = grandchildren)"),
}

# 数据导出/导入
_TRANSFER_STRINGS: dict[str, tuple[str, str]] = {}

# 数据导出/导入: column headers
_TRANSFER_COLUMNS: dict[str, tuple[str, str]] = {}

# 故障与提示
_FAULTS_STRINGS: dict[str, tuple[str, str]] = {}

# 故障与提示: column headers
_FAULTS_COLUMNS: dict[str, tuple[str, str]] = {}

for _table in (
    _OVERVIEW_STRINGS,
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
    _OVERVIEW_COLUMNS,
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
