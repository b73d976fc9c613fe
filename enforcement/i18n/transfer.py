"""Strings of 数据导出 / 数据导入: datasets, values, the Excel 说明 sheet, the export and import pages."""

STRINGS: dict[str, tuple[str, str]] = {
    "file_as_of": ("截至{day}", "as-of-{day}"),
    "file_kind_sample": ("示例数据", "sample-data"),
    "file_kind_mixed": ("示例与上报混合", "sample-and-reported"),
    "fact_domain": ("执法领域", "Enforcement domain"),
    "export_csv_zipped": (
        "共 {n} 行, 超过 {limit} 行的 CSV 压缩为 .zip 下载 (解压后用 Excel 打开)。",
        "{n} rows: a CSV above {limit} rows downloads compressed as .zip (unzip it, then open it in Excel).",
    ),
    "export_wait": (
        "{file}: 约 {seconds} 秒生成 ({n} 行), 点击后按钮转圈表示正在生成, 生成完浏览器即开始下载。",
        "{file}: about {seconds} s to build ({n} rows); after the click the button spins while it builds, then your "
        "browser downloads it.",
    ),
    # export errors
    "export_unknown_domain": (
        "未知的执法领域: {domain} (可选: {options})",
        "Unknown enforcement domain: {domain} (choose from: {options})",
    ),
    "export_unknown_columns": (
        "数据集 {dataset} 没有这些列: {columns} (可选: {options})",
        "Dataset {dataset} has no such columns: {columns} (choose from: {options})",
    ),
    "export_columns_once": ("请至少选择一列, 且每列只选一次。", "Choose at least one column, each once."),
    "export_unknown_level": (
        "未知的层级: {level} (可选: {options})",
        "Unknown level: {level} (choose from: {options})",
    ),
    "export_unknown_language": (
        "未知的语言: {language} (可选: zh, en)",
        "Unknown language: {language} (choose zh or en)",
    ),
    "export_bad_period": ("统计期间无效: {start} 至 {end}", "Not a period: {start} to {end}"),
    "export_unknown_region": ("地区代码 {code} 不存在", "There is no region with code {code}"),
    "export_unsafe_path": ("临时文件路径不安全: {path}", "Unsafe temporary file path: {path}"),
    "export_unknown_format": ("未知的格式: {fmt} (可选: csv, xlsx)", "Unknown format: {fmt} (choose csv or xlsx)"),
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
    "xlsx_notes_item": ("项目", "Item"),
    "xlsx_notes_value": ("内容", "Value"),
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


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
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
