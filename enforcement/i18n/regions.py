"""Strings of 地区对比 Regions."""

STRINGS: dict[str, tuple[str, str]] = {
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


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
    "numerator": ("分子", "Numerator"),
    "denominator": ("分母", "Denominator"),
    "depth": ("层级 (0=本地区, 1=下级, 2=下两级)", "Depth (0 = this region, 1 = children, 2 = grandchildren)"),
}
