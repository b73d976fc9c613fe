"""Strings of 总览 Overview (its judgement, unit and target strings are also used by 地区对比)."""

STRINGS: dict[str, tuple[str, str]] = {
    "ov_intro": (
        "里程碑状态截至 {as_of} (变化较 {since}); 量化指标统计期间 {period}, 与上年同期 ({prev}) 比较。",
        "Milestone status on {as_of} (change since {since}); indicators over {period}, compared with {prev}.",
    ),
    "ov_plans": ("适用的实施方案: {plans}", "Plans governing this region: {plans}"),
    "ov_yardstick": (
        "本地区不在所选方案的范围内; 指标按所选方案的目标作参照判定: {plans}",
        "The chosen plan does not govern this region; its targets are used as a yardstick: {plans}",
    ),
    "ov_plans_title": ("各实施方案的地区进展", "Where each plan's region stands"),
    "ov_plans_caption": (
        "{region}不在任何一个实施方案的范围内, 指标无目标可比。下面是{region}范围内各实施方案制定地区的进展, 点击地区名进入该地区 (也可在左侧选择地区)。",
        "No plan governs {region}, so its indicators have no targets. Below: the region of each plan issued inside "
        "{region}; click a name to open it (or choose a region on the left).",
    ),
    "ov_plan_done": ("{year}年事项完成 {share}", "{year} items done {share}"),
    "ov_plan_overdue": ("逾期 {n} 项 / 共 {items} 项", "{n} of {items} items overdue"),
    "ov_plan_indicators": ("指标未达标或滞后 {missed} / {judged}", "Targets missed or behind: {missed} of {judged}"),
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
    "judgement_behind": ("滞后序时进度", "Behind schedule"),
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


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
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
