"""Strings of Careless and hostile input: files over a limit or unreadable, Excel meaning, numbers, hidden
characters, link parameters, command-line failures."""

STRINGS: dict[str, tuple[str, str]] = {
    # what a file is not
    "tab_empty": ("文件是空的。", "The file is empty."),
    "tab_pdf": (
        "这是 PDF 文件, 不是表格。请上传 CSV 或 Excel (.xlsx) 文件。",
        "This is a PDF, not a table. Upload CSV or Excel (.xlsx).",
    ),
    "tab_ole": (
        "这是旧版 Excel (.xls) 或 Word (.doc) 文件。请在 Excel 中“另存为” .xlsx 或 “CSV UTF-8”后再上传。",
        "This is an old Excel (.xls) or Word (.doc) file. Save it as .xlsx or 'CSV UTF-8' in Excel and upload again.",
    ),
    "tab_png": ("这是图片 (PNG), 不是表格。", "This is a picture (PNG), not a table."),
    "tab_jpeg": ("这是图片 (JPEG), 不是表格。", "This is a picture (JPEG), not a table."),
    "tab_gif": ("这是图片 (GIF), 不是表格。", "This is a picture (GIF), not a table."),
    "tab_rar": (
        "这是压缩包 (RAR), 不是表格。请解压后上传其中的 CSV 或 .xlsx 文件。",
        "This is an archive (RAR), not a table. Unpack it and upload the CSV or .xlsx inside.",
    ),
    "tab_7z": (
        "这是压缩包 (7z), 不是表格。请解压后上传其中的 CSV 或 .xlsx 文件。",
        "This is an archive (7z), not a table. Unpack it and upload the CSV or .xlsx inside.",
    ),
    "tab_gzip": (
        "这是压缩包 (gzip), 不是表格。请解压后上传其中的 CSV 或 .xlsx 文件。",
        "This is an archive (gzip), not a table. Unpack it and upload the CSV or .xlsx inside.",
    ),
    "tab_word": (
        "这是 Word 文档, 不是表格。请上传 CSV 或 Excel (.xlsx) 文件。",
        "This is a Word document, not a table. Upload CSV or Excel (.xlsx).",
    ),
    "tab_not_workbook": (
        "这是压缩包或其他文件, 不是 Excel (.xlsx) 工作簿。",
        "This is an archive or some other file, not an Excel (.xlsx) workbook.",
    ),
    "tab_bad_zip": (
        "文件损坏: 看起来是 Excel (.xlsx) 或压缩文件, 但无法打开 (内容与其记录的大小或校验值不符)。",
        "The file is damaged: it looks like Excel (.xlsx) or an archive, but cannot be opened (its contents do not "
        "match their recorded size or checksum).",
    ),
    "tab_bad_workbook": (
        "无法打开 Excel 工作簿 ({error})。请在 Excel 中打开并另存为 .xlsx 后再上传。",
        "The Excel workbook cannot be opened ({error}). Open it in Excel, save it as .xlsx and upload again.",
    ),
    "tab_bad_sheet": ("无法读取工作表 ({error})。", "A worksheet cannot be read ({error})."),
    "tab_binary": (
        "文件不是文本表格 (含有二进制内容, 可能是图片、压缩包或其他程序的文件)。请上传 CSV 或 Excel (.xlsx) 文件。",
        "The file is not a text table (it holds binary content: a picture, an archive or another program's file). "
        "Upload CSV or Excel (.xlsx).",
    ),
    "tab_controls": (
        "文件不是文本表格 (含有大量控制字符, 可能是其他程序的二进制文件)。请上传 CSV 或 Excel (.xlsx) 文件。",
        "The file is not a text table (it is full of control characters: another program's binary file). "
        "Upload CSV or Excel (.xlsx).",
    ),
    "tab_bad_csv": (
        "文件不是有效的 CSV 表格 (第 {line} 行: {reason})。",
        "The file is not a valid CSV table (line {line}: {reason}).",
    ),
    # limits
    "tab_too_large": (
        "文件太大: {size} MB, 上限为 {limit} MB。请按地区或月份拆分后分批导入。",
        "The file is too large: {size} MB; the limit is {limit} MB. Split it by region or month and import the parts.",
    ),
    "tab_too_many_rows": (
        "文件超过 {limit} 行数据 (每个文件的上限)。请按地区或月份拆分后分批导入。",
        "The file has more than {limit} data rows (the limit per file). Split it by region or month.",
    ),
    "tab_too_many_rows_sheet": (
        "工作表“{sheet}”超过 {limit} 行数据 (每个文件的上限)。请按地区或月份拆分后分批导入。",
        "Sheet '{sheet}' has more than {limit} data rows (the limit per file). Split it by region or month.",
    ),
    "tab_too_many_columns": (
        "第 {row} 行超过 {limit} 列 (每个文件的上限; 模板不到 30 列)。请删除多余的列。",
        "Row {row} has more than {limit} columns (the limit; the templates have fewer than 30). Delete the extra ones.",
    ),
    "tab_too_many_columns_sheet": (
        "工作表“{sheet}”第 {row} 行超过 {limit} 列 (每个文件的上限; 模板不到 30 列)。请删除多余的列。",
        "Sheet '{sheet}', row {row} has more than {limit} columns (the limit; the templates have fewer than 30).",
    ),
    "tab_too_slow": (
        "读取文件超过 {seconds} 秒仍未完成 (每个文件的上限), 已停止。请拆分后分批导入, 或另存为 CSV。",
        "Reading the file took more than {seconds} s (the limit per file) and was stopped. Split it, or save it "
        "as CSV.",
    ),
    "tab_zip_entries": (
        "Excel 文件内部有 {n} 个部件, 超过上限 {limit} 个, 不像正常的工作簿, 未读取。",
        "The Excel file holds {n} parts, more than the limit of {limit}; it is not a normal workbook and was not read.",
    ),
    "tab_zip_inflated": (
        "Excel 文件解压后超过 {limit} MB (至少 {size} MB; 上限 {limit} MB), 未读取。请拆分后分批导入。",
        "The Excel file unpacks to more than {limit} MB (at least {size} MB; the limit is {limit} MB) and was not "
        "read. Split it into smaller files.",
    ),
    "tab_zip_ratio": (
        "Excel 文件的部件 {part} 压缩比为 {ratio} 倍, 超过上限 {limit} 倍 (正常表格为 5–30 倍), 疑似“压缩炸弹”, 未读取。",
        "Part {part} of the Excel file is compressed {ratio} times, more than the limit of {limit} (real sheets: "
        "5-30); it looks like a decompression bomb and was not read.",
    ),
    # encodings
    "tab_bad_line": (
        "文件编码为 {encoding}, 但第 {line} 行不是有效的 {encoding} 编码。请在 Excel 中另存为 “CSV UTF-8(逗号分隔)” 后再上传。",
        "The file is {encoding}, but line {line} is not valid {encoding}. Save it as 'CSV UTF-8' in Excel and upload "
        "again.",
    ),
    "tab_bad_utf16": (
        "文件是 UTF-16 (Unicode 文本), 但内容不是有效的 UTF-16 编码。",
        "The file is UTF-16 (Unicode text), but its content is not valid UTF-16.",
    ),
    "tab_mixed_utf8_first": (
        "文件混用了两种编码: 按 UTF-8 读取, 但第 {line} 行不是 UTF-8 (可能是 GBK)。请统一另存为 “CSV UTF-8” 后再上传。",
        "The file mixes two encodings: it reads as UTF-8, but line {line} is not UTF-8 (GBK?). Save the whole file "
        "as 'CSV UTF-8' and upload again.",
    ),
    "tab_mixed_utf8_later": (
        "文件混用了两种编码: 按 {encoding} 读取, 但第 {line} 行是 UTF-8 编码。请统一另存为 “CSV UTF-8” 后再上传。",
        "The file mixes two encodings: it reads as {encoding}, but line {line} is UTF-8. Save the whole file as "
        "'CSV UTF-8' and upload again.",
    ),
    "tab_big5": (
        "文件编码是 Big5 (繁体中文), 本系统只接受 UTF-8、GB18030/GBK 和 UTF-16, 以免存入乱码。按 Big5 读出的第一行文字: "
        "「{line}」。请在 Excel 中另存为 “CSV UTF-8(逗号分隔)” 或 .xlsx 后再上传。",
        "The file is encoded as Big5 (Traditional Chinese); only UTF-8, GB18030/GBK and UTF-16 are accepted, so that "
        "no garbled text is stored. Its first line read as Big5: '{line}'. Save it as 'CSV UTF-8' or .xlsx in Excel.",
    ),
    "tab_unknown_encoding": (
        "无法识别文件的编码 (不是 UTF-8、GB18030/GBK、UTF-16): 第 {line} 行无法解码。请在 Excel 中“另存为” "
        "“CSV UTF-8(逗号分隔)” 或 .xlsx 后再上传。",
        "The file's encoding is not recognised (not UTF-8, GB18030/GBK or UTF-16): line {line} does not decode. "
        "Save it as 'CSV UTF-8' or .xlsx in Excel and upload again.",
    ),
    # sheets
    "tab_no_sheets": ("Excel 工作簿中没有工作表。", "The Excel workbook has no worksheets."),
    "tab_sheets_empty": ("Excel 工作簿中的工作表都是空的。", "Every worksheet of the Excel workbook is empty."),
    "tab_hidden_mark": ("(隐藏)", " (hidden)"),
    "tab_several_sheets": (
        "工作簿中有 {n} 个工作表都像数据表: {sheets}。无法确定导入哪一个, 请只保留要导入的那个工作表 (或分成几个文件)。",
        "The workbook has {n} sheets that each look like data: {sheets}. Which one to import is unclear; keep only "
        "the sheet to import (or split them into files).",
    ),
    "tab_hidden_sheet": (
        "数据表“{sheet}”是隐藏的工作表: 导入的内容必须是您在 Excel 中看得到的。请取消隐藏并核对后再上传。",
        "The data sheet '{sheet}' is hidden: what is imported must be what you see in Excel. Unhide it, check it "
        "and upload again.",
    ),
    "tab_only_hidden": (
        "只有隐藏的工作表有内容: {sheets}。请取消隐藏并核对后再上传。",
        "Only hidden sheets have content: {sheets}. Unhide them, check and upload again.",
    ),
    "tab_sheet_read": ("读取了工作表“{sheet}”", "read sheet '{sheet}'"),
    # cells
    "cell_formula_no_value": (
        "单元格是公式 {formula}, 但文件中没有保存计算结果 (由程序生成、未在 Excel 中打开保存)。请在 Excel 中打开、"
        "保存后再上传, 或改为填写数值",
        "The cell is a formula {formula}, but the file holds no result for it (made by a program, never opened and "
        "saved in Excel). Open and save it in Excel, or type the value",
    ),
    "cell_invisible": (
        "含有看不见的字符: {names}。请删除后再上传 (常见于从网页或其他系统复制的内容)",
        "Holds characters you cannot see: {names}. Delete them and upload again (common in text copied from web "
        "pages or other systems)",
    ),
    "cell_bad_grouping": (
        "逗号的位置不是千位分隔符 (应为 1,234,567 这样每三位一组); 若是小数请用小数点, 如 1.5",
        "The commas are not thousands separators (groups of three: 1,234,567); write decimals with a point, e.g. 1.5",
    ),
    "cell_percent_shown": (
        "单元格显示为百分比 {shown}, 不是整数件数/人数",
        "The cell shows a percentage ({shown}), not a count",
    ),
    # link parameters
    "notice_repeated": (
        "链接中的 {parameter} 出现了 {n} 次 ({value}), 无法确定用哪一个, 已改用默认值。",
        "Link parameter {parameter} appears {n} times ({value}); which one is meant is unclear, so the default is used.",
    ),
    # upload page
    "import_sheet_read": ("工作表“{sheet}”", "sheet '{sheet}'"),
    "import_failed_quiet": (
        "导入失败, 数据库未作任何改动 ({error})。详细原因已记入服务器日志。",
        "The import failed and the database is unchanged ({error}). The details are in the server's log.",
    ),
    "import_replaced_show": ("显示批次 {id} 替换掉的原数据 ({n} 行)", "Show the {n} rows batch {id} replaced"),
    "import_replaced_page": ("页 (每页 {size} 行, 共 {pages} 页)", "Page ({size} rows a page, {pages} pages)"),
    # command line
    "cli_error": ("错误: {message}", "Error: {message}"),
    "cli_no_database": (
        "数据库不存在: {path} (先运行 python -m enforcement build)",
        "No database at {path} (run python -m enforcement build first)",
    ),
    "cli_damaged_database": (
        "数据库文件无法读取 (已损坏、为空, 或不是本系统的数据库): {path}",
        "The database file cannot be read (damaged, empty, or not a database of this app): {path}",
    ),
    "cli_parquet_read_only": (
        "{path} 是 Parquet 数据集 (只读), 不能导入或构建; 请用 --db 指定 DuckDB 数据库文件",
        "{path} is a Parquet dataset (read-only): imports and builds need a DuckDB database file (--db)",
    ),
    "cli_not_writable": ("无法写入 {path}: {reason}", "Cannot write {path}: {reason}"),
    "cli_disk_full": ("磁盘已满, 无法写入 {path}", "The disk is full; cannot write {path}"),
    "cli_out_not_file": (
        "--out {path} 已存在且不是普通文件 (是文件夹、设备或其他特殊文件), 不会覆盖它; 请指定一个文件名",
        "--out {path} exists and is not a regular file (a folder, a device or another special file); it is not "
        "overwritten. Name a file",
    ),
    "cli_out_folder_missing": ("输出文件夹不存在: {path}", "The output folder does not exist: {path}"),
    "cli_file_missing": ("文件不存在: {path}", "No such file: {path}"),
    "cli_file_not_regular": ("不是普通文件: {path}", "Not a regular file: {path}"),
    "cli_unreadable": ("无法读取 {path}: {reason}", "Cannot read {path}: {reason}"),
    "cli_internal": (
        "内部错误 ({error}), 数据库未作改动。请把这条信息告诉维护人员。",
        "Internal error ({error}); the database is unchanged. Please report this line to the maintainers.",
    ),
    "cli_region_unknown": ("地区代码 {code} 不存在", "Region code {code} does not exist"),
    "cli_problems": (
        "{file} 有 {n} 个问题, 未导入任何数据:",
        "{file} has {n} problems; nothing was imported:",
    ),
    "cli_problem_line": ("{where}{column}{value}: {reason}", "{where}{column}{value}: {reason}"),
    "cli_row": ("第 {row} 行", "row {row}"),
    "cli_whole_file": ("文件", "file"),
    "cli_column": (" 列「{column}」", " column '{column}'"),
    "cli_value": (" 值「{value}」", " value '{value}'"),
    "cli_read_as": ("读取方式: {how}", "Read as: {how}"),
    "cli_summary": (
        "新增 {inserted} 行, 替换 {replaced} 行, 未变 {unchanged} 行",
        "{inserted} rows added, {replaced} replaced, {unchanged} unchanged",
    ),
    "cli_dry_run_ok": (
        "检查通过 ({dataset}, {rows} 行): 导入将{summary}。(--dry-run: 未写入)",
        "All rows pass ({dataset}, {rows} rows): importing would leave {summary}. (--dry-run: nothing written)",
    ),
    "cli_nothing_changed": (
        "{file}: 全部 {rows} 行与库中数据相同, 未作任何改动。",
        "{file}: all {rows} rows are already stored exactly so; nothing changed.",
    ),
    "cli_imported": (
        "已导入 {file} ({dataset}, 批次 {id}): {summary}。",
        "Imported {file} ({dataset}, batch {id}): {summary}.",
    ),
    "cli_kept_as": ("  原始文件保存为 {path}", "  the upload is kept as {path}"),
    "cli_version": ("  数据库版本 {path}", "  database version {path}"),
}


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {
    "replaced_by_row": ("替换它的文件行", "Replaced by file row"),
    "row_key": ("键", "Key"),
}
