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
    # sample rows beside imported ones (meta is_sample stays true, has_imports true)
    "data_kind_short_mixed": ("示例与上报数据混合", "sample and reported data mixed"),
    "sample_banner_mixed": (
        "示例数据与上报数据混合: 本库已导入部分上报数字, 但其余统计仍是程序生成的示例数据, 合计和排名中两者都有, "
        "不能当作真实上报结果使用。每行是否示例可在“数据导出”中查看 (“示例数据”列)。",
        "Sample and reported data mixed: some reported figures have been imported, but the other statistics are "
        "still generated sample data, and totals and rankings include both; do not use them as real results. "
        "Whether each row is sample shows in the Export page (column 'Sample data').",
    ),
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

# 总览 (the judgement, unit and target strings are also used by 地区对比)
_OVERVIEW_STRINGS: dict[str, tuple[str, str]] = {
    "ov_intro": (
        "里程碑状态截至 {as_of} (变化较 {since}); 量化指标统计期间 {period}, 与上年同期 ({prev}) 比较。",
        "Milestone status on {as_of} (change since {since}); indicators over {period}, compared with {prev}.",
    ),
    "ov_plans": ("适用的实施方案: {plans}", "Plans governing this region: {plans}"),
    "ov_yardstick": (
        "本地区不在所选方案的范围内; 指标按所选方案的目标作参照判定: {plans}",
        "The chosen plan does not govern this region; its targets are used as a yardstick: {plans}",
    ),
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
_MILESTONES_STRINGS: dict[str, tuple[str, str]] = {
    "milestones_title": ("里程碑", "Milestones"),
    "no_plans": ("没有涉及{region}的实施方案。", "No implementation plan concerns {region}."),
    "plan_below": ("下辖地区制定", "issued below"),
    "plan_not_governing": (
        "{region}不在某一实施方案的辖区内, 下列方案由其下辖地区制定, 请选择要查看的方案。",
        "{region} is not governed by one plan; the plans below were issued by regions under it. Choose one to view.",
    ),
    "plan_rejected": (
        "链接中的方案 {plan} 与{region}无关, 已改为显示涉及该地区的方案。",
        "The plan {plan} in the link does not concern {region}; a plan that does is shown instead.",
    ),
    "no_board": (
        "{region}及其下辖地区在所选方案和任务领域下没有里程碑事项。",
        "No milestones of the chosen plan and task area apply to {region} or the regions under it.",
    ),
    "metric_milestones": ("里程碑", "Milestones"),
    "metric_pairs": ("地区×事项", "Region × item pairs"),
    "metric_overdue": ("逾期未完成 (地区×事项)", "Overdue (region × item)"),
    "metric_done": ("已完成 (地区×事项)", "Done (region × item)"),
    "metric_changes": ("状态变化 (地区×事项)", "Status changes (region × item)"),
    "heatmap_title": ("各地区里程碑状态", "Milestone status by region"),
    "heatmap_help": (
        "行: {region}的下级地区和本级机关; 列: 方案里程碑 (按文件顺序, 标注事项编号和条款)。"
        "每格取该地区及其下辖地区中最紧迫的状态 (逾期未完成 > 滞后序时进度 > 临期 > 正常推进 > 未启动 > "
        "逾期完成 > 按期完成 > 不适用), 悬停可见各状态的数量; 空白表示该地区不承担此项。",
        "Rows: the regions under {region} and its own agencies; columns: the plan's milestones in document order "
        "(item id and clause). Each cell shows the most urgent status in that region and the regions under it "
        "(overdue > behind schedule > due soon > in progress > not started > done late > done on time > "
        "not applicable); hover for the counts. Blank: the region does not carry that item.",
    ),
    "heatmap_help_township": (
        "{region}承担的各项里程碑 (按文件顺序) 截至日期的状态。",
        "The status of each milestone {region} carries (document order) on the as-of date.",
    ),
    "heatmap_transpose": ("里程碑按行排列 (适合手机等窄屏)", "Milestones as rows (for phones and narrow screens)"),
    "timeline_title": ("里程碑完成时限与状态", "Milestone deadlines and status"),
    "timeline_help": (
        "每个点是一项里程碑, 横轴为完成时限, 颜色为{region} (含下辖地区) 中最紧迫的状态; 竖线为截至日期。",
        "Each point is a milestone at its deadline, coloured by the most urgent status in {region} "
        "(and the regions under it); the vertical line is the as-of date.",
    ),
    "timeline_undated": (
        "另有 {n} 项没有具体完成时限 (如“按要求时限完成”), 未在时间轴上显示: {items}。",
        "{n} more items have no dated deadline (e.g. 'as required') and are not on the timeline: {items}.",
    ),
    "as_of_line": ("截至 {day}", "As of {day}"),
    "ms_clause": ("条款", "Clause"),
    "ms_deadline": ("完成时限", "Deadline"),
    "ms_status": ("状态", "Status"),
    "ms_percent": ("进度", "progress"),
    "ms_avg_percent": ("平均进度", "average progress"),
    "ms_pairs": ("{n} 个地区×事项", "{n} region × item pairs"),
    "ms_not_assigned": ("不承担此项", "not carried by this region"),
    "ms_no_deadline": ("无具体时限", "no dated deadline"),
    "clause_title": ("条款原文", "The clause as written"),
    "clause_pick": ("里程碑", "Milestone"),
    "card_document_number": ("文号", "Document number"),
    "card_plan_title": ("文件", "Document"),
    "card_clause_path": ("条款", "Clause"),
    "card_quote": ("原文引语", "Quoted sentence"),
    "card_lead_units": ("牵头单位", "Lead units"),
    "card_responsible_units": ("责任单位", "Responsible units"),
    "card_deadline_text": ("完成时限 (原文)", "Deadline (as written)"),
    "card_deadline_date": ("完成时限 (日期)", "Deadline (date)"),
    "card_is_ongoing": ("长期坚持", "Ongoing duty"),
    "card_none": ("(文件未写明)", "(not stated in the document)"),
    "ms_yes": ("是", "yes"),
    "ms_no": ("否", "no"),
    "changes_title": ("状态变化", "What changed"),
    "changes_help": (
        "{since} 至 {as_of} 之间状态发生变化的 (事项, 地区), 变化日期由近到远。变化日期是带来新状态的报告日期; "
        "没有新报告的 (期限已过或进入60天临期) 取期限日期。",
        "(Item, region) pairs whose status changed between {since} and {as_of}, newest first. The change date is "
        "that of the report behind the new status; without a new report (deadline passed, or 60-day window "
        "opened) it is the date from the deadline.",
    ),
    "no_changes": ("此期间没有状态变化。", "No status changed in this period."),
    "cause_report": ("新报告", "new report"),
    "cause_deadline": ("期限到达", "deadline reached"),
    "cause_schedule": ("序时进度", "schedule elapsed"),
}

# 里程碑: column headers
_MILESTONES_COLUMNS: dict[str, tuple[str, str]] = {
    "region": ("地区", "Region"),
    "item": ("事项 (编号 条款)", "Item and clause"),
    "count_items": ("地区×事项数", "Region × item pairs"),
    "status_counts": ("各状态数量", "Pairs by status"),
    "changed_on": ("变化日期", "Changed on"),
    "change_cause": ("变化原因", "Cause"),
    "region_path": ("地区", "Region"),
    "old_status": ("原状态", "Old status"),
    "new_status": ("新状态", "New status"),
    "old_percent_complete": ("原进度(%)", "Old progress (%)"),
    "document_number": ("文号", "Document number"),
    "plan_title": ("文件", "Document"),
}

# 任务台账
_LEDGER_STRINGS: dict[str, tuple[str, str]] = {
    "ledger_title": ("任务台账", "Task ledger"),
    "ledger_help": (
        "{region}承担的方案任务 (截至 {as_of}): 状态为本地区及下辖地区中最紧迫的状态, 进度为平均进度, "
        "完成日期为全部完成时最后一个地区的完成日期。右侧各列为各下级地区 (及本级) 的状态。点击列标题排序。",
        "The plan's tasks carried in {region} (as of {as_of}): status is the most urgent status here and in the "
        "regions below, progress the average, completion date the day the last region finished once all did. "
        "The columns on the right give each region below (and own agencies). Click a header to sort.",
    ),
    "ledger_help_counts": (
        "下级地区较多 ({n} 个), 台账显示各状态的地区数; 各地区的状态见下方明细表。",
        "With many regions below ({n}), the ledger counts regions by status; each region's status is in the "
        "detail table below.",
    ),
    "ledger_long_title": ("各地区明细", "By region"),
    "status_filter": ("状态", "Status"),
    "status_filter_help": (
        "按本地区 (含下辖) 最紧迫的状态筛选任务",
        "Keep tasks whose most urgent status here (incl. below) is one of these",
    ),
    "unit_filter": ("牵头/责任单位", "Lead / responsible unit"),
    "ms_filter_all": ("全部", "All"),
    "no_ledger": ("所选条件下没有任务。", "No tasks match the chosen filters."),
    "metric_items": ("台账任务", "Tasks"),
    "overdue_title": ("逾期未完成清单", "Overdue items"),
    "overdue_help": (
        "截至 {as_of}, {region}及下辖地区逾期未完成的 (事项, 地区), 逾期最久的在前。",
        "(Item, region) pairs overdue on {as_of} in {region} and the regions below, longest overdue first.",
    ),
    "no_overdue": ("截至该日没有逾期未完成的事项。", "Nothing is overdue on that date."),
}

# 任务台账: column headers
_LEDGER_COLUMNS: dict[str, tuple[str, str]] = {
    "days_overdue": ("逾期天数", "Days overdue"),
    "unit_name": ("单位名称", "Unit name"),
    "count_milestones": ("事项数", "Items"),
    "count_overdue": ("逾期未完成", "Overdue"),
    "count_behind_schedule": ("滞后序时进度", "Behind schedule"),
    "count_due_soon": ("临期(60天内)", "Due soon"),
    "count_in_progress": ("正常推进", "In progress"),
    "count_not_started": ("未启动", "Not started"),
    "count_done_late": ("逾期完成", "Done late"),
    "count_done_on_time": ("按期完成", "Done on time"),
    "count_not_applicable": ("不适用", "Not applicable"),
}

# 培训 (the trend_* strings are shared with 案件, which has the same kinds of charts)
_TRAINING_STRINGS: dict[str, tuple[str, str]] = {
    "trend_total": ("{region}合计", "{region} total"),
    "trend_below_parent": ("低于上级平均", "below the parent average"),
    "trend_target_source": ("目标取自{plans}实施方案。", "Targets from the plan of {plans}."),
    "trend_deadline": ("期限 {day}", "deadline {day}"),
    "trend_no_target": ("无适用目标", "no target applies"),
    "trend_targets_governing": (
        "目标取自管辖本地区的实施方案 ({plans}); 方案未设量化目标的指标不画目标线。",
        "Targets come from the plan governing this region ({plans}); indicators it sets no target for have no line.",
    ),
    "trend_targets_none": (
        "{region}没有管辖本级的实施方案, 图中不画目标线。可选一个方案的目标作参照:",
        "No plan governs {region}, so the charts have no target lines. Choose a plan's targets as a yardstick:",
    ),
    "trend_targets_none_at_level": (
        "管辖本地区的实施方案 ({plans}) 没有对本级设定可统计的量化目标, 图中不画目标线。",
        "The plan governing this region ({plans}) sets no measurable target at this level: the charts have no target lines.",
    ),
    "trend_no_children": (
        "本地区没有下级地区的数据, 只有本级。",
        "No region under this one reports figures: only its own agencies.",
    ),
    "trend_targets_chosen": (
        "目标线取自所选方案 ({plan}), 作参照。",
        "Target lines from the chosen plan ({plan}), as a yardstick.",
    ),
    "trend_yardstick": ("参照方案", "Yardstick plan"),
    "trend_yardstick_none": ("(不画目标线)", "(no target lines)"),
    "trend_months": ("统计月份 {period}{stop}", "Months counted: {period}{stop}"),
    "trend_months_stop": (
        " (统计期间截止晚于截至日期, 数据截至 {month})",
        " (the period runs past the as-of date: data up to {month})",
    ),
    "trend_empty_period": (
        "截至日期早于统计期间的起始月份, 没有可统计的月份。请调整统计期间或截至日期。",
        "The as-of date is before the period starts: no month counts. Change the period or the as-of date.",
    ),
    "trend_rank_by": ("排名指标", "Rank by"),
    "tr_title": ("培训", "Training"),
    "tr_kpi_officers": ("执法人员", "Officers"),
    "tr_kpi_officers_help": (
        "{month} 月末在册执法人员 (所选执法领域的部门)",
        "Officers on the books at the end of {month} (agencies of the chosen domain)",
    ),
    "tr_kpi_officers_change": ("较上年同月 {change} 人", "{change} on a year earlier"),
    "tr_series_training_hours_total": ("合计", "Total"),
    "tr_series_training_hours_public_law": ("公共法律知识", "Public law"),
    "tr_series_training_hours_professional": ("业务知识与技能", "Professional"),
    "tr_kpi_certified": ("持证上岗率", "Certified officers"),
    "tr_kpi_certified_help": ("{month} 月末持证人员 ÷ 执法人员", "Certified ÷ officers at the end of {month}"),
    "tr_kpi_rotation": ("全员轮训完成率", "Full-rotation coverage"),
    "tr_kpi_rotation_help": (
        "{month} 月末累计完成全员轮训人数 ÷ 执法人员",
        "Officers through the full rotation ÷ officers at the end of {month}",
    ),
    "tr_kpi_hours": ("{year}年人均培训学时 (累计)", "Hours per officer, {year} so far"),
    "tr_kpi_hours_help": (
        "当年1月至 {month} 公共法律知识与业务知识培训学时 ÷ 执法人员; 达标按序时目标 (全年目标 × 已过月数 ÷ 12) 判断",
        "Public-law and professional hours from January to {month} ÷ officers; judged against the pro-rated target "
        "(yearly target × months elapsed ÷ 12)",
    ),
    "tr_kpi_exam": ("{year}年闭卷考试抽考比例", "Exam sampling {year}"),
    "tr_kpi_exam_help": (
        "当年1月至 {month} 抽考人数 ÷ 执法人员; 按当年比例要求的序时目标判断",
        "Officers sampled from January to {month} ÷ officers; judged against the year's ratio, pro-rated",
    ),
    "tr_kpi_township": ("乡镇(街道)执法人员培训覆盖率", "Township officers trained this year"),
    "tr_kpi_township_help": (
        "当年已培训的乡镇(街道)综合执法人员 ÷ 乡镇(街道)综合执法人员 ({month} 月末)",
        "Township officers trained this year ÷ township officers (end of {month})",
    ),
    "tr_part_training_hours_public_law": ("公共法律知识", "public law"),
    "tr_part_training_hours_professional": ("业务知识与技能", "professional"),
    "tr_target_parts": ("目标 ≥{floors}学时", "target ≥ {floors} h"),
    "tr_prorated": (" (序时 {value})", " (pro rata {value})"),
    "tr_each_part": ("公共法律知识、业务知识各", "each part"),
    "tr_per_officer": ("人", "officer"),
    "tr_rotation_title": ("全员轮训完成率 (按月, 各下级地区)", "Full-rotation coverage by month, per region"),
    "tr_rotation_note": (
        "每条细线是一个下级地区 (“本级”为本地区直属部门), 粗线为合计; 完成率 = 累计完成全员轮训人数 ÷ 月末执法人员。",
        "Each thin line is a region under this one ('own agencies': this region's own departments), the thick line "
        "the total; coverage = officers through the rotation ÷ officers at month end.",
    ),
    "tr_hours_title": ("人均培训学时 (当年累计, 按月)", "Training hours per officer, year so far, by month"),
    "tr_hours_note": (
        "每年1月起重新累计, 到12月应达到全年目标。",
        "Counted from January each year; by December it should reach the yearly target.",
    ),
    "tr_exam_title": ("闭卷考试抽考比例 (按年)", "Closed-book exam sampling by year"),
    "tr_year": ("{year}年", "{year}"),
    "tr_year_so_far": ("{year}年 (1–{month}月)", "{year} (Jan–{month})"),
    "tr_children_dots": ("下级地区", "Regions under it"),
    "tr_exam_note": (
        "柱为合计, 圆点为各下级地区; 抽考比例 = 当年抽考人数 ÷ 执法人员; 未满一年的按序时目标判断颜色。",
        "Bars: the total; dots: each region under it. Ratio = officers sampled this year ÷ officers; an unfinished "
        "year is coloured against the pro-rated target.",
    ),
    "tr_children_title": ("各下级地区对比", "Regions under this one"),
    "tr_agency_title": ("各执法部门对比", "By agency"),
    "tr_period_note": (
        "统计期间 {period}; 学时和抽考比例按12个月折算为年值, 人数取期末。",
        "Period {period}; hours and exam sampling are scaled to a 12-month year, headcounts taken at the end.",
    ),
    "tr_all_agencies": ("全部部门", "All agencies"),
    "tr_agency_highlight": (
        "所选执法领域的部门以深色突出, 其余部门供对照。",
        "The chosen domain's agency is highlighted; the others are shown for comparison.",
    ),
    "tr_domain_note": (
        "已选执法领域: 只统计该领域的部门 (司法行政部门和乡镇综合执法机构不属于任何领域, 不计入)。",
        "A domain is chosen: only its agencies count (justice administration and township teams belong to no domain).",
    ),
}

# 培训: column headers
_TRAINING_COLUMNS: dict[str, tuple[str, str]] = {
    "target_text": ("目标", "Target"),
    "parent_value": ("整体值 (对照)", "Overall (for comparison)"),
    "year": ("年度", "Year"),
    "certified_rate": ("持证上岗率(%)", "Certified (%)"),
    "full_rotation_rate": ("全员轮训完成率(%)", "Full rotation (%)"),
    "training_hours_total": ("人均培训学时", "Hours per officer"),
    "training_hours_public_law": ("人均公共法律知识学时", "Public-law hours per officer"),
    "training_hours_professional": ("人均业务知识学时", "Professional hours per officer"),
    "exam_sampling_rate": ("闭卷考试抽考比例(%)", "Exam sampling (%)"),
    "township_training_coverage": ("乡镇执法人员培训覆盖率(%)", "Township officers trained (%)"),
}

# 案件
_CASES_STRINGS: dict[str, tuple[str, str]] = {
    "ca_title": ("案件", "Cases"),
    "ca_kpi_period_help": ("统计期间 {period}", "Period {period}"),
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
    "ca_period_note": ("统计期间 {period}。", "Period {period}."),
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

# 案件: column headers
_CASES_COLUMNS: dict[str, tuple[str, str]] = {
    "legal_review_rate": ("法制审核执行率(%)", "Legal review (%)"),
    "publicity_within_7d_rate": ("7日内公开率(%)", "Publicized within 7 days (%)"),
    "head_appearance_rate": ("负责人出庭应诉率(%)", "Head appearances (%)"),
    "litigation_loss_rate": ("行政诉讼败诉率(%)", "Litigation loss rate (%)"),
    "case_file_pass_rate": ("案卷评查合格率(%)", "Case files passed (%)"),
    "reconsideration_correction_rate": ("复议纠错率(%)", "Reconsiderations corrected (%)"),
}

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
_TRANSFER_STRINGS: dict[str, tuple[str, str]] = {
    # datasets
    "ds_progress": ("里程碑进度", "Milestone progress"),
    "ds_training": ("培训统计", "Training statistics"),
    "ds_cases": ("案件统计", "Case statistics"),
    "ds_targets": ("量化指标", "Targets"),
    "ds_milestones": ("里程碑事项目录", "Milestone catalogue"),
    "ds_help_progress": (
        "各地区对各里程碑事项的进度报告 (每次报告一行), 报告日期在所选期间内且不晚于截至日期。",
        "Progress reports of each region on each milestone (one row per report), dated in the period and not "
        "after the as-of date.",
    ),
    "ds_help_training": (
        "各地区、各执法部门逐月的培训统计, 月份在所选期间内且不晚于截至日期。",
        "Monthly training figures of each region and agency, months in the period and not after the as-of date.",
    ),
    "ds_help_cases": (
        "各地区、各执法领域逐月的案件统计, 月份在所选期间内且不晚于截至日期。",
        "Monthly case figures of each region and enforcement domain, months in the period and not after the "
        "as-of date.",
    ),
    "ds_help_targets": (
        "与所选地区有关的方案 (上级方案和辖区内的方案) 中的量化指标, 完成时限在所选期间内 (无时限的全部列出)。",
        "Quantitative targets of the plans concerning the region (plans above it and inside it), due in the "
        "period (targets without a date always).",
    ),
    "ds_help_milestones": (
        "与所选地区有关的方案中的里程碑事项, 完成时限在所选期间内 (长期坚持的事项全部列出)。",
        "Milestones of the plans concerning the region, due in the period (standing duties always).",
    ),
    # values
    "reported_not_started": ("未启动", "Not started"),
    "reported_in_progress": ("推进中", "In progress"),
    "reported_completed": ("已完成", "Completed"),
    "reported_not_applicable": ("不适用", "Not applicable"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "list_separator": ("、", ", "),
    "period_span": ("{start}至{end}", "{start} to {end}"),
    "level_all": ("全部层级", "all levels"),
    "data_kind_sample": ("示例数据 (程序生成, 不是真实上报数据)", "sample data (generated, not real reported figures)"),
    "data_kind_mixed": (
        "示例数据与导入的上报数据混合 (部分统计仍是示例数据)",
        "a mix of sample data and imported reported figures (some statistics are still sample)",
    ),
    "data_kind_reported": ("上报数据", "reported data"),
    # Excel 说明 sheet
    "xlsx_notes_sheet": ("说明", "About"),
    "xlsx_too_many_rows": (
        "本次导出有 {n} 行, 超过 Excel 每个工作表 {limit} 行的上限。请缩小地区、层级或期间, 或改为下载 CSV。",
        "This export has {n} rows, more than the {limit} rows an Excel sheet can hold. Narrow the region, level "
        "or period, or download CSV instead.",
    ),
    "fact_item": ("项目", "Item"),
    "fact_value": ("内容", "Value"),
    "fact_dataset": ("数据集", "Dataset"),
    "fact_region": ("地区", "Region"),
    "fact_region_value": ("{name} ({code}) 及其下辖地区", "{name} ({code}) and the regions under it"),
    "fact_level": ("层级", "Level"),
    "fact_period": ("期间", "Period"),
    "fact_period_month": (" (统计月份)", " (statistics month)"),
    "fact_period_report": (" (报告日期)", " (report date)"),
    "fact_period_due": (" (完成时限; 无时限的全部列出)", " (due date; undated items always)"),
    "fact_as_of": ("截至日期", "As of"),
    "fact_columns": ("列", "Columns"),
    "fact_rows": ("行数", "Rows"),
    "fact_data_version": ("数据版本", "Data version"),
    "fact_data_kind": ("数据性质", "Kind of data"),
    "fact_exported_at": ("导出时间", "Exported at"),
    "fact_formula_note": ("公式防护", "Formula safety"),
    "fact_formula_note_value": (
        "以 = + - @ 或制表符、回车开头的文字单元格前已加一个英文单引号 ', 防止被 Excel 当作公式执行。",
        "Text cells starting with = + - @, a tab or a carriage return are prefixed with an apostrophe ' so that "
        "Excel does not run them as formulas.",
    ),
    # export page
    "export_intro": (
        "选择数据集、地区范围、层级、期间和列, 先看行数, 再下载 CSV (Excel 可直接打开, 中文不乱码) 或 Excel 文件。"
        "地区和截至日期在左侧栏选择。",
        "Choose a dataset, the region subtree, level, period and columns; see the row count, then download CSV "
        "(opens in Excel with correct Chinese) or an Excel workbook. Region and as-of date are in the sidebar.",
    ),
    "export_dataset": ("数据集", "Dataset"),
    "export_level": ("层级", "Level"),
    "export_columns": ("列", "Columns"),
    "export_columns_empty": ("请至少选择一列。", "Choose at least one column."),
    "export_rows": ("将导出的行数", "Rows to export"),
    "export_scope": (
        "{region} 及其下辖地区 · {level} · {period}",
        "{region} and the regions under it · {level} · {period}",
    ),
    "export_preview": ("预览 (前 {n} 行, 与文件内容相同)", "Preview (first {n} rows, exactly as in the file)"),
    "export_download_csv": ("下载 CSV", "Download CSV"),
    "export_download_xlsx": ("下载 Excel (.xlsx)", "Download Excel (.xlsx)"),
    "export_no_rows": (
        "所选条件下没有数据, 请放宽地区、层级或期间。",
        "No rows for these choices; widen the region, level or period.",
    ),
    "export_csv_too_large": (
        "本次导出有 {n} 行, 超过网页下载上限 {limit} 行。请缩小范围, 或在服务器上用命令行导出: {command}",
        "This export has {n} rows, more than the {limit} rows a browser download allows. Narrow it, or export "
        "on the server with the command line: {command}",
    ),
    "export_side_note": ("文件说明", "About the file"),
    "export_side_note_help": (
        "CSV 文件只含数据; 下列说明也写在 Excel 文件的第一个工作表“说明”中。",
        "The CSV file holds only the data; these notes are also the first sheet (About) of the Excel file.",
    ),
    "export_failed": ("导出失败: {reason}", "Export failed: {reason}"),
    # import page
    "import_intro": (
        "1. 下载模板, 按“填写说明”填写;\n"
        "2. 上传 CSV (UTF-8 或 GBK 编码均可) 或 Excel (.xlsx) 文件, 系统逐行检查;\n"
        "3. 检查通过后确认导入。\n\n"
        "文件中只要有一处问题, 就不会导入任何数据; 问题清单列出每一处的行号、列名、值和原因, 可以一次改完。",
        "1. Download a template and fill it in as its notes say;\n"
        "2. upload it as CSV (UTF-8 or GBK) or Excel (.xlsx); every row is checked;\n"
        "3. confirm the import.\n\n"
        "If the file has any problem nothing is loaded; the report lists every problem with its row, column, "
        "value and reason, so it can be fixed in one go.",
    ),
    "import_templates": ("1. 下载模板", "1. Templates"),
    "import_template_csv": ("{name} 模板 (CSV)", "{name} template (CSV)"),
    "import_template_xlsx": ("{name} 模板 (Excel, 含填写说明)", "{name} template (Excel, with notes)"),
    "import_template_notes": ("{name}: 各列说明", "{name}: what each column means"),
    "import_upload": ("2. 上传文件", "2. Upload"),
    "import_uploader": (
        "选择 CSV 或 Excel (.xlsx) 文件, 不超过 {mb} MB",
        "Choose a CSV or Excel (.xlsx) file, at most {mb} MB",
    ),
    "import_uploader_help": (
        "表头为中文或英文列名均可; 系统根据表头识别是哪种数据。",
        "Headers may be the Chinese or English column names; the kind of data is recognised from them.",
    ),
    "import_detected": (
        "识别为 **{dataset}**, 共 {rows} 行数据{details}。",
        "Recognised as **{dataset}**, {rows} data rows{details}.",
    ),
    "import_problems": (
        "文件中有 {n} 个问题, 未导入任何数据。请按下表逐一修改后重新上传。",
        "The file has {n} problems; nothing was loaded. Fix them as listed and upload again.",
    ),
    "import_problem_summary": ("问题汇总 (按列和原因)", "Problems by column and reason"),
    "import_download_report": ("下载问题清单 (CSV)", "Download the problem list (CSV)"),
    "import_ready": (
        "检查通过。导入后: 新增 {inserted} 行, 替换 {replaced} 行 (原数字记入导入记录), {unchanged} 行与库中相同。",
        "All rows pass. Importing will add {inserted} rows, replace {replaced} rows (the old figures are kept in "
        "the log), and leave {unchanged} identical rows as they are.",
    ),
    "import_nothing_to_do": (
        "文件中的 {n} 行与库中数据完全相同, 无需导入 (不会写入数据库, 也不记入导入记录)。",
        "All {n} rows of the file are already stored exactly so; nothing to import (nothing is written or logged).",
    ),
    "import_seen_before": (
        "内容相同的文件已于 {when} 导入过 (批次 {ids})。",
        "A file with the same content was imported on {when} (batch {ids}).",
    ),
    "import_ignored_columns": (
        "以下列仅供阅读, 导入时忽略: {columns}",
        "These columns are for reading only and are ignored: {columns}",
    ),
    "import_confirm": ("3. 确认导入", "3. Import"),
    "import_running": ("正在导入…", "Importing…"),
    "import_done": (
        "导入完成 (批次 {id}): 新增 {inserted} 行, 替换 {replaced} 行, {unchanged} 行未变。各页面已显示新数字。",
        "Imported (batch {id}): {inserted} rows added, {replaced} replaced, {unchanged} unchanged. Every page "
        "now shows the new figures.",
    ),
    "import_failed": (
        "导入失败, 数据库未作任何改动。原因: {reason}",
        "The import failed and the database is unchanged. Reason: {reason}",
    ),
    "import_rejected_now": (
        "文件在导入时未通过检查 (数据库可能刚刚更新), 未导入任何数据。请查看问题清单。",
        "The file failed the check at import time (the database may just have changed); nothing was loaded.",
    ),
    "import_history": ("导入记录", "Import history"),
    "import_history_empty": ("尚无导入记录。", "No imports yet."),
    "import_replaced_of": ("查看某批次替换掉的原数据", "Rows a batch replaced"),
    "import_replaced_none": ("该批次没有替换任何数据。", "That batch replaced no rows."),
    "import_replaced_download": ("下载被替换的原数据 (CSV)", "Download the replaced rows (CSV)"),
    "import_by_web": ("网页上传", "web upload"),
}

# 数据导出/导入: column headers
_TRANSFER_COLUMNS: dict[str, tuple[str, str]] = {
    "status_reported": ("上报状态", "Reported status"),
    "target_id": ("指标编号", "Target ID"),
    "applies_to": ("适用对象", "Applies to"),
    "applies_to_levels": ("适用层级", "Levels"),
    "row_no": ("行", "Row"),
    "column": ("列", "Column"),
    "cell_value": ("值", "Value"),
    "problem": ("问题", "Problem"),
    "problem_count": ("问题数", "Problems"),
    "imported_at": ("导入时间", "Imported at"),
    "dataset": ("数据类型", "Dataset"),
    "file_name": ("文件名", "File"),
    "stored_path": ("原始文件存放位置", "Stored upload"),
    "checksum_sha256": ("文件校验和 (SHA-256)", "Checksum (SHA-256)"),
    "rows_in_file": ("文件行数", "Rows in file"),
    "rows_inserted": ("新增", "Added"),
    "rows_replaced": ("替换", "Replaced"),
    "rows_unchanged": ("未变", "Unchanged"),
    "imported_by": ("导入方式", "Imported by"),
    "required": ("是否必填", "Required"),
    "meaning": ("说明", "Meaning"),
    "example": ("示例", "Example"),
    "english_header": ("英文列名", "English header"),
}

# 故障与提示
_FAULTS_STRINGS: dict[str, tuple[str, str]] = {
    "db_damaged": (
        "数据库文件无法读取 (已损坏, 或不是本系统的数据库): {path}。看板不会自动覆盖它。"
        "请在服务器上运行 `{command}` 重新构建示例数据库 (原文件会移入同目录的版本文件夹, 如需保留请先另行备份); "
        "如果库中有导入的上报数据, 重建后请用“数据导入”重新导入 {uploads} 中保存的原始文件。",
        "The database file cannot be read (it is damaged, or not a database of this app): {path}. The dashboard "
        "does not overwrite it. On the server, run `{command}` to rebuild the sample database (the old file is moved "
        "into the versions folder beside it; back it up first if you need it); if it held imported figures, re-import the original "
        "files kept in {uploads} afterwards.",
    ),
    "db_dangling": (
        "数据库链接 {path} 指向的文件已不存在 ({target})。看板不会自动重建, 以免掩盖丢失的数据。"
        "请在服务器上运行 `{command}` 重新构建; 如果曾导入上报数据, 重建后请重新导入 {uploads} 中保存的原始文件。",
        "The database link {path} points to a file that no longer exists ({target}). The dashboard does not rebuild "
        "it by itself, so lost data is not hidden. On the server, run `{command}` to rebuild; if figures had been "
        "imported, re-import the original files kept in {uploads} afterwards.",
    ),
    "db_old_schema": (
        "数据库 {path} 由旧版本程序构建 (结构版本 {found}, 本程序需要 {expected}), 无法直接使用。",
        "The database {path} was built by an older version of this app (schema {found}, this version needs "
        "{expected}) and cannot be used as it is.",
    ),
    "db_rebuild_safe": (
        "库中只有程序生成的示例数据, 没有导入过上报数字: 按当前版本重新构建不会丢失任何数据 (约 10–20 秒)。",
        "It holds only generated sample data and no imported figures: rebuilding it for this version loses "
        "nothing (about 10–20 s).",
    ),
    "db_rebuild_button": ("按当前版本重新构建示例数据库", "Rebuild the sample database for this version"),
    "db_rebuilding": ("正在重新构建示例数据库…", "Rebuilding the sample database…"),
    "db_rebuild_unsafe": (
        "库中有导入的上报数据, 重新构建会丢失这些数据, 所以看板不会自动重建, 当前文件保持不变。请由管理员: "
        "1) 运行 `{command}` 在新路径构建新库; 2) 对 {uploads} 中保存的每个原始文件按批次顺序运行 `{import_command}`; "
        "3) 核对无误后把 ENFORCEMENT_DB 指向新库。",
        "It holds imported figures, which a rebuild would drop, so the dashboard does not rebuild it and leaves the "
        "file as it is. An administrator should: 1) run `{command}` to build a new database at a new path; "
        "2) run `{import_command}` for each original file kept in {uploads}, in import order; 3) after checking, "
        "point ENFORCEMENT_DB at the new database.",
    ),
}

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
