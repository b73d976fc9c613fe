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

# 总览
_OVERVIEW_STRINGS: dict[str, tuple[str, str]] = {}

# 总览: column headers
_OVERVIEW_COLUMNS: dict[str, tuple[str, str]] = {}

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
_REGIONS_STRINGS: dict[str, tuple[str, str]] = {}

# 地区对比: column headers
_REGIONS_COLUMNS: dict[str, tuple[str, str]] = {}

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
_FAULTS_STRINGS: dict[str, tuple[str, str]] = {}

# 故障与提示: column headers
_FAULTS_COLUMNS: dict[str, tuple[str, str]] = {}

for _table in (
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
