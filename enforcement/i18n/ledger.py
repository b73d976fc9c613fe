"""Strings of 任务台账 Task ledger."""

STRINGS: dict[str, tuple[str, str]] = {
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


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
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
