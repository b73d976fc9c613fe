"""Strings of 里程碑 Milestones."""

STRINGS: dict[str, tuple[str, str]] = {
    "plan_facts_title": ("方案文本的说明与已报告成果", "Notes on the plan's text, and what it reports as achieved"),
    "plan_note": ("文本说明: {note}", "Note on the text: {note}"),
    "plan_figures_help": (
        "方案文件自身报告的已取得成果 (不是本看板的统计): 以文件原话为准。",
        "Figures the plan's document reports as already achieved (not this dashboard's statistics), in its own words.",
    ),
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
    "metric_pairs_help": (
        "本方案在本地区及下辖地区应完成的地区×事项, 与总览 2023、2024、2025 年卡片的合计相同; 不含看板中标为"
        "“不适用”的 {n} 个。",
        "The region × item pairs of this plan in the region and below that are due, the same as the sum of the "
        "Overview's 2023, 2024 and 2025 cards; the {n} marked 'not applicable' on the board are not counted.",
    ),
    "metric_overdue": ("逾期未完成 (地区×事项)", "Overdue (region × item)"),
    "metric_done": ("已完成 (地区×事项)", "Done (region × item)"),
    "metric_changes": ("状态变化 (地区×事项)", "Status changes (region × item)"),
    "heatmap_title": ("各地区里程碑状态", "Milestone status by region"),
    "heatmap_help": (
        "方案里程碑 (按文件顺序) × {region}的下级地区和本级机关: 默认里程碑在左侧逐行排列、地区在上方逐列排列, "
        "下方开关可交换。每格取该地区及其下辖地区中最紧迫的状态 (逾期未完成 > 滞后序时进度 > 临期 > 正常推进 > "
        "未启动 > 逾期完成 > 按期完成 > 不适用), 悬停可见各状态的数量; 空白表示该地区不承担此项。",
        "The plan's milestones (document order) × the regions under {region} and its own agencies: milestones run "
        "down the side and regions across the top, the switch below swaps them. Each cell shows the most urgent "
        "status in that region and the regions under it (overdue > behind schedule > due soon > in progress > not "
        "started > done late > done on time > not applicable); hover for the counts. Blank: the region does not "
        "carry that item.",
    ),
    "heatmap_help_township": (
        "{region}承担的各项里程碑 (按文件顺序) 截至日期的状态。",
        "The status of each milestone {region} carries (document order) on the as-of date.",
    ),
    "heatmap_transpose": ("里程碑横向排列 (下级地区较少时)", "Milestones across the top (when there are few regions)"),
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


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
    "indicator": ("事项", "What"),
    "reported_value": ("报告数值", "Reported"),
    "as_of_text": ("时点", "As of"),
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
