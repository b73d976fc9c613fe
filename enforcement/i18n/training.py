"""Strings of 培训 Training (and the trend blocks it shares with 案件)."""

STRINGS: dict[str, tuple[str, str]] = {
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
        "指标为当年累计 ({period}): 学时和抽考比例为年内累计, 与按已过月份折算的年度目标 (序时进度) 比较; 人数取期末。",
        "Indicators are the year to date ({period}): hours and exam sampling so far this year, held to the yearly "
        "target pro-rated to the months elapsed; headcounts at the period's end.",
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


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
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
