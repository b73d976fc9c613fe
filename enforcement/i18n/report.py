"""Strings of 评估报告 The evaluation report: the document's words (cover, sections, templated sentences, notes),
the report page and button, and the messages of the report command."""

STRINGS: dict[str, tuple[str, str]] = {
    # the document: cover, header and footer
    "rp_title": (
        "提升行政执法质量三年行动\n实施情况评估报告",
        "Three-Year Action to Improve the Quality\nof Administrative Law Enforcement\nEvaluation Report",
    ),
    "rp_subtitle": (
        "初稿 · 由行政执法质量三年行动进度看板根据数据自动生成，请核对后修改定稿",
        "First draft, written by the enforcement-quality progress dashboard from its figures: check and edit it",
    ),
    "rp_cover_region": ("地区", "Region"),
    "rp_cover_plans": ("适用的实施方案", "Plans governing the region"),
    "rp_cover_inside": ("辖区内的实施方案", "Plans issued inside the region"),
    "rp_cover_no_plan": ("无（不在任何实施方案范围内）", "None (no plan governs this region)"),
    "rp_cover_as_of": ("数据截至", "Data as of"),
    "rp_cover_midterm": (
        "（中期评估：{plan}实施方案规定的完成日期）",
        " (mid-term evaluation: the date the {plan} plan sets)",
    ),
    "rp_cover_final": (
        "（终期评估：{plan}实施方案规定的完成日期）",
        " (final evaluation: the date the {plan} plan sets)",
    ),
    "rp_cover_period": ("统计期间", "Period"),
    "rp_cover_period_value": (
        "量化指标 {indicators}（与上年同期 {previous} 比较）；培训、案件图表 {charts}",
        "indicators {indicators} (against {previous}); training and case charts {charts}",
    ),
    "rp_cover_version": ("数据版本", "Data version"),
    "rp_cover_version_value": ("{version}（构建于 {built}）", "{version} (built {built})"),
    "rp_cover_made": ("生成日期", "Made on"),
    "rp_cover_kind": ("数据性质", "Data"),
    "rp_kind_sample": (
        "示例数据（程序生成，仅用于演示，不是真实上报数据）",
        "Sample data (generated for demonstration, not real reported figures)",
    ),
    "rp_kind_mixed": (
        "示例数据与上报数据混合（部分统计仍为示例数据）",
        "Sample and reported data mixed (some statistics are still sample data)",
    ),
    "rp_kind_reported": ("上报数据", "Reported data"),
    "rp_mark_sample": ("示例数据（sample data）", "Sample data (示例数据)"),
    "rp_mark_mixed": ("含示例数据（sample data）", "Contains sample data (含示例数据)"),
    "rp_watermark": ("示例数据 SAMPLE DATA", "SAMPLE DATA 示例数据"),
    "rp_header": ("{region} · 数据截至 {as_of}", "{region} · data as of {as_of}"),
    "rp_footer": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
    "rp_plan_line": ("{issuer}《{title}》{number}", "{issuer}, {title} {number}"),
    # section titles
    "rp_sec_overview": ("一、总体情况", "1. Overview"),
    "rp_sec_milestones": ("二、里程碑完成情况", "2. Milestones"),
    "rp_sec_indicators": ("三、量化指标", "3. Quantitative indicators"),
    "rp_sec_children": ("四、下级地区", "4. Regions under {region}"),
    "rp_sec_training": ("五、培训", "5. Training"),
    "rp_sec_cases": ("六、案件", "6. Cases"),
    "rp_sec_appendix": ("附录", "Appendix"),
    # 总体情况: templated sentences
    "rp_ov_milestones_lead": (
        "截至 {as_of}，{region}及其下辖地区承担的里程碑事项（按事项×地区计，不含不适用）完成情况如下。",
        "On {as_of}, the milestone items of {region} and the regions under it (counted as item × region, not "
        "counting not-applicable) stood as follows.",
    ),
    "rp_ov_milestones_year": (
        "期限在 {year} 年的 {items} 项中，已完成 {done} 项（完成率 {share}），其中按期完成 {on_time} 项、逾期完成 "
        "{late} 项；逾期未完成 {overdue} 项，滞后序时进度 {behind} 项。",
        "Of the {items} items due in {year}, {done} are done ({share}): {on_time} on time and {late} late; {overdue} "
        "are overdue and {behind} behind schedule.",
    ),
    "rp_ov_milestones_none": (
        "截至 {as_of}，{region}没有承担任何实施方案的里程碑事项。",
        "On {as_of}, {region} has no milestone items of any plan.",
    ),
    "rp_ov_targets": (
        "{period}，{judged} 项量化指标有到期的目标：{parts}。",
        "Over {period}, {judged} indicators have a target that is due: {parts}.",
    ),
    "rp_ov_targets_part": ("{judgement} {n} 项（{names}）", "{judgement}: {n} ({names})"),
    "rp_ov_targets_none": (
        "{period}，没有到期的量化目标适用于{region}：指标只列数值，不作判定。",
        "Over {period}, no target that is due applies to {region}: indicators are listed without a judgement.",
    ),
    "rp_ov_targets_other": (
        "另有 {not_judged} 项指标未判定（目标未到期、无数据或方案未设目标），见第三部分。",
        "{not_judged} more indicators are not judged (target not yet due, no data, or no target): see section 3.",
    ),
    "rp_ov_children": (
        "{n} 个下级地区中，{behind} 个有逾期、滞后的里程碑事项或未达标的指标；按逾期及滞后事项的占比排序，"
        "最落后的是{names}（见第四部分）。",
        "Of the {n} regions under it, {behind} have milestone items overdue or behind schedule or targets missed; "
        "ranked by the share of items overdue or behind, the furthest behind are {names} (see section 4).",
    ),
    "rp_ov_children_none_behind": (
        "{n} 个下级地区都没有逾期、滞后的里程碑事项或未达标的指标。",
        "None of the {n} regions under it has milestone items overdue or behind schedule or targets missed.",
    ),
    "rp_ov_no_children": ("{region}是最低一级地区，没有下级地区。", "{region} is at the lowest level."),
    "rp_ov_data_sample": (
        "本报告中的统计数字（里程碑进度、培训、案件等）是程序生成的示例数据，仅用于演示，不是真实上报数据；"
        "实施方案、里程碑和目标摘自正式文件。",
        "The statistics in this report (milestone progress, training, cases and others) are generated sample data "
        "for demonstration, not real reported figures; plans, milestones and targets come from the documents.",
    ),
    "rp_ov_data_mixed": (
        "本报告中的统计数字部分为导入的上报数据，其余仍为程序生成的示例数据，合计和排名中两者都有，"
        "不能当作真实上报结果使用。",
        "Some statistics in this report are imported reported figures; the others are still generated sample data, "
        "and totals and rankings include both: do not use them as real results.",
    ),
    "rp_ov_data_reported": (
        "本报告中的统计数字均为各级上报的数据（数据版本 {version}）。",
        "The statistics in this report are the figures reported by each level (data version {version}).",
    ),
    "rp_list_sep": ("、", ", "),
    # 里程碑
    "rp_ms_table_title": ("各年度里程碑事项状态（项）", "Milestone items by deadline year and status"),
    "rp_ms_status": ("状态", "Status"),
    "rp_ms_year": ("{year}年", "{year}"),
    "rp_ms_total": ("合计（不含不适用）", "Total (not counting not-applicable)"),
    "rp_ms_done_share": ("完成率", "Done"),
    "rp_ms_judgement": ("判定", "Judgement"),
    "rp_ms_chart": ("各年度里程碑事项状态构成", "Milestone items by status, per deadline year"),
    "rp_ms_note": (
        "事项按“事项×地区”计：一个事项在每个承担它的地区各算一项。完成率 = 已完成（按期或逾期）÷ 事项（不含不适用）。"
        "判定：没有逾期或滞后的事项为按期推进；这类事项不超过 {amber}% 为少量逾期或滞后；超过为逾期或滞后较多。",
        "Items are counted as item × region: an item counts once in every region that carries it. Done = done on "
        "time or late ÷ items (not counting not-applicable). Judgement: on track when no item is overdue or behind "
        "schedule; a few items late when at most {amber} % are; many items late beyond that.",
    ),
    "rp_ms_lagging_title": ("逾期未完成及滞后序时进度的事项", "Items overdue or behind schedule"),
    "rp_ms_lagging_help": (
        "以下事项在{region}至少有一个地区逾期未完成或滞后序时进度（按文件顺序）。",
        "These items are overdue or behind schedule in at least one region of {region} (in document order).",
    ),
    "rp_ms_lagging_none": (
        "截至 {as_of}，{region}没有逾期未完成或滞后序时进度的事项。",
        "On {as_of}, no item is overdue or behind schedule in {region}.",
    ),
    "rp_ms_item": ("{n}. {milestone_id} {clause} {requirement}", "{n}. {milestone_id} clause {clause}: {requirement}"),
    "rp_ms_deadline": ("期限：{deadline}", "Deadline: {deadline}"),
    "rp_ms_units": ("牵头单位：{lead}；责任单位：{units}", "Lead: {lead}; responsible: {units}"),
    "rp_ms_state": (
        "状态：{status}（各地区：{counts}）；平均进度 {percent}",
        "Status: {status} ({counts}); average progress {percent}",
    ),
    "rp_ms_rows": ("逾期或滞后的地区：{rows}", "Overdue or behind in: {rows}"),
    "rp_ms_document": ("依据：{document} {clause}", "Source: {document}, clause {clause}"),
    "rp_ms_quote": ("原文：“{quote}”", "The document: “{quote}”"),
    "rp_more": ("等 {total} 个", ", and {n} more"),
    "rp_none": ("—", "—"),
    # 量化指标
    "rp_ind_help": (
        "统计期间 {period}，变化与上年同期（{previous}）比较。判定：达标；接近目标 = 未达标但差距在目标值的5%以内；"
        "未达标；未到期、无数据或无目标的不作判定。依据的原文见附录。",
        "Period {period}; changes against the same months a year earlier ({previous}). Judgement: met; close to target "
        "= not met but within 5 % of the target; not met; no judgement when the target is not yet due, there is no "
        "data or no target. The documents' words are in the appendix.",
    ),
    "rp_ind_table": ("量化指标与目标", "Indicators against their targets"),
    "rp_ind_indicator": ("指标", "Indicator"),
    "rp_ind_value": ("数值", "Value"),
    "rp_ind_target": ("目标", "Target"),
    "rp_ind_judgement": ("判定", "Judgement"),
    "rp_ind_change": ("较上年同期", "Change"),
    "rp_ind_source": ("依据", "Source"),
    # 下级地区
    "rp_ch_help": (
        "下级地区按逾期及滞后序时进度的里程碑事项占比排序，其次为事项数、未达标指标数和差距（与总览页相同）。",
        "The regions under it ranked by the share of milestone items overdue or behind schedule, then by their "
        "number, by targets missed and by the gap (as on the overview).",
    ),
    "rp_ch_behind_title": ("最落后的下级地区", "Furthest behind"),
    "rp_ch_behind_line": (
        "{rank}. {name}：逾期或滞后 {lagging}/{items} 项（{share}），其中逾期未完成 {overdue} 项、滞后 {behind} 项；{missed}",
        "{rank}. {name}: {lagging} of {items} items overdue or behind ({share}), {overdue} overdue and {behind} "
        "behind; {missed}",
    ),
    "rp_ch_missed": ("未达标或接近目标的指标：{names}", "targets missed or nearly: {names}"),
    "rp_ch_missed_none": ("量化指标均未落后", "no target missed"),
    "rp_ch_table_title": ("全部下级地区排序", "All regions under it, ranked"),
    "rp_ch_none_behind": (
        "没有逾期、滞后的事项或未达标的指标。",
        "None has items overdue or behind or targets missed.",
    ),
    # 培训, 案件
    "rp_kpi_title": ("{page}主要数字", "{page}: key figures"),
    "rp_kpi_label": ("项目", "Item"),
    "rp_kpi_value": ("数值", "Value"),
    "rp_kpi_note": ("说明", "Note"),
    "rp_chart_period": (
        "图表统计 {period}，与“{page}”页所示相同。",
        "The charts cover {period}, as the {page} page shows them.",
    ),
    "rp_figure": ("图{n} {title}", "Figure {n}. {title}"),
    "rp_table": ("表{n} {title}", "Table {n}. {title}"),
    "rp_table_numbers": ("{title}：数字", "{title}: the numbers"),
    "rp_table_condensed": (
        "表中为每年12月及截至月份（{month}）的数字；逐月数字可在看板页面下载。",
        "The table gives December of each year and the as-of month ({month}); every month can be downloaded from the "
        "dashboard page.",
    ),
    "rp_chart_empty": ("{title}：没有可显示的数据。", "{title}: no data to show."),
    "rp_period_empty": (
        "截至日期早于统计期间，没有可统计的月份。",
        "The as-of date lies before the period: no month counts.",
    ),
    # 附录
    "rp_app_sources": ("附录一 依据：文件、条款与原文", "Appendix 1. Sources: documents, clauses and their words"),
    "rp_app_sources_table": ("引用的目标与里程碑事项", "Targets and milestone items cited"),
    "rp_app_sources_help": (
        "本报告引用的每项目标和里程碑事项的出处。",
        "Where every target and milestone item this report cites comes from.",
    ),
    "rp_app_id": ("编号", "ID"),
    "rp_app_document": ("文件", "Document"),
    "rp_app_clause": ("条款", "Clause"),
    "rp_app_quote": ("原文", "The document's words"),
    "rp_app_none": ("本报告没有引用目标或里程碑事项。", "This report cites no target or milestone item."),
    "rp_app_data": ("附录二 数据说明", "Appendix 2. About the data"),
    "rp_app_data_what": (
        "报告内容：{region}及其全部下辖地区（含本级机关）的里程碑进度、执法人员培训、行政执法案件和相关能力建设统计，"
        "里程碑状态截至 {as_of}；量化指标统计 {indicators}；培训、案件图表统计 {charts}。上级地区的合计包括本级机关"
        "上报的数字和全部下辖地区的数字。筛选条件为看板的默认值（全部实施方案、任务领域和执法领域），与看板在同一地区、"
        "同一截至日期下显示的数字相同。",
        "What is reported: milestone progress, enforcement-staff training, enforcement cases and capacity statistics "
        "of {region} and every region under it (its own agencies included); milestone status on {as_of}; indicators "
        "over {indicators}; training and case charts over {charts}. A region's totals include its own agencies' "
        "figures and those of every region under it. The filters are the dashboard's defaults (every plan, task area "
        "and enforcement domain): the figures equal what the dashboard shows for this region and as-of date.",
    ),
    "rp_app_data_sample": (
        "示例数据：里程碑进度、培训、案件、能力建设和满意度调查的数字是程序按固定种子（{seed}）生成的示例数据，"
        "不是真实上报数据，每页均有标记。实施方案、里程碑、目标和行政区划是事实数据，摘自正式文件和国家统计局区划代码。",
        "Sample data: milestone progress, training, case, capacity and survey figures are generated with a fixed "
        "seed ({seed}) and are not real reported figures; every page is marked. Plans, milestones, targets and "
        "regions are facts, taken from the documents and the statistical division codes.",
    ),
    "rp_app_data_mixed": (
        "示例数据与上报数据混合：已导入部分上报数字（最近一次导入批次 {last_import}），其余统计仍是程序生成的示例数据，"
        "每页均有标记。每行是否示例可在看板“数据导出”中查看。",
        "Sample and reported data mixed: some reported figures have been imported (last import {last_import}); the "
        "other statistics are still generated sample data, and every page is marked. Whether each row is sample "
        "shows in the dashboard's Export page.",
    ),
    "rp_app_data_reported": (
        "上报数据：库中的统计数字均为各级上报并导入的数据。",
        "Reported data: every statistic in the database is a figure reported by its level and imported.",
    ),
    "rp_app_data_version": (
        "数据版本 {version}，构建于 {built}；报告生成于 {made}。同一数据版本和截至日期生成的报告数字相同。",
        "Data version {version}, built {built}; report made on {made}. Reports made from the same data version and "
        "as-of date carry the same figures.",
    ),
    "rp_app_status_rules": (
        "里程碑状态：按期完成、逾期完成、逾期未完成、临期（60天内到期）、滞后序时进度（进度比按时间比例应达到的进度低"
        "10个百分点以上）、正常推进、未启动、不适用；某日的状态取该日及以前最近一次上报的进度。",
        "Milestone status: done on time, done late, overdue, due within 60 days, behind schedule (more than 10 points "
        "below the time-proportional progress), in progress, not started, not applicable; the status on a date is "
        "that of the latest progress report up to that date.",
    ),
    # the report page, the overview's button, the command line
    "nav_report": ("评估报告", "Evaluation report"),
    "rp_page_intro": (
        "生成评估报告初稿 (Word 可编辑, PDF 用于传阅): 本地区一份, 或每个下级地区各一份打包下载。数字与看板在同一地区、"
        "同一截至日期下显示的相同。截至日期可在左侧“快捷日期”选中期或终期评估日期。",
        "Write the first draft of the evaluation report (Word to edit, PDF to circulate): one for this region, or one "
        "for every region under it in a single .zip. The figures equal what the dashboard shows for the same region "
        "and as-of date. Pick the mid-term or final evaluation date under 'Quick pick' on the left.",
    ),
    "rp_block_title": ("评估报告", "Evaluation report"),
    "rp_block_caption": (
        "{region} · 数据截至 {as_of}: 点击即生成并下载 (约数秒)。",
        "{region} · data as of {as_of}: one click writes and downloads it (a few seconds).",
    ),
    "rp_evaluation_dates": ("评估日期:", "Evaluation dates:"),
    "rp_filters_note": (
        "报告按默认筛选生成 (全部实施方案、任务领域、执法领域, 统计期间从 2023-01 起), 不含本页所选的其他筛选条件。",
        "The report uses the default filters (every plan, task area and enforcement domain, the period from 2023-01), "
        "not the other filters chosen here.",
    ),
    "rp_download_docx": ("下载 Word 报告", "Download Word report"),
    "rp_download_pdf": ("下载 PDF 报告", "Download PDF report"),
    "rp_open_page": ("批量生成下级地区的报告", "Reports for every region under this one"),
    "rp_scope": ("范围", "Reports for"),
    "rp_scope_one": ("本地区 ({region})", "This region ({region})"),
    "rp_scope_children": ("全部 {n} 个下级地区 (打包为 .zip)", "All {n} regions under it (one .zip)"),
    "rp_format": ("格式", "Format"),
    "rp_format_both": ("Word 和 PDF", "Word and PDF"),
    "rp_format_docx": ("Word (.docx, 可编辑)", "Word (.docx, to edit)"),
    "rp_format_pdf": ("PDF (用于传阅)", "PDF (to circulate)"),
    "rp_language": ("报告语言", "Report language"),
    "rp_generate": ("生成报告", "Write the reports"),
    "rp_progress": ("正在生成 {done}/{total}: {name}", "Writing {done}/{total}: {name}"),
    "rp_done": ("已生成 {n} 份报告, 用时 {seconds:.0f} 秒。", "{n} reports written in {seconds:.0f} s."),
    "rp_download_zip": ("下载 {name}", "Download {name}"),
    "rp_download_file": ("下载 {name}", "Download {name}"),
    "rp_no_children": ("{region}没有下级地区。", "{region} has no regions under it."),
    "rp_font_missing": (
        "无法生成报告: 报告字体 {family} 未安装 (在 {folder} 中找不到)。请安装 apt-get install -y {package}, "
        "或用环境变量 {env} 指定字体所在目录。",
        "The report cannot be written: the report font {family} is not installed (not found in {folder}). Install it "
        "with apt-get install -y {package}, or name its folder in the environment variable {env}.",
    ),
    "rp_glyphs_missing": (
        "无法生成报告: 报告字体 {family} 缺少这些字符的字形: {characters}",
        "The report cannot be written: the report font {family} lacks glyphs for {characters}",
    ),
    "rp_unknown_region": ("地区代码 {region} 不存在", "There is no region with the code {region}"),
    "rp_bad_date": (
        "日期应写成 YYYY-MM-DD, 如 2025-10-31: {value}",
        "Write the date as YYYY-MM-DD, e.g. 2025-10-31: {value}",
    ),
    "rp_date_range": (
        "截至日期 {as_of} 超出数据范围 ({first} 至 {last})",
        "The as-of date {as_of} is outside the data ({first} to {last})",
    ),
}

COLUMNS: dict[str, tuple[str, str]] = {}
