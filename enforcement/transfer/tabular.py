"""Read an uploaded file into rows of text, whatever Excel or a clerk's tools made of it.

Accepts CSV in UTF-8 (with or without BOM), GB18030/GBK (what Excel on a Chinese Windows saves as "CSV"),
UTF-16 ("Unicode text", tab-separated) and .xlsx. Decides by the content, not the file name: a PDF renamed .csv
or a Word file renamed .xlsx is recognised as not a table. Every cell comes back as text, numbered by the row the
user sees in Excel (the first row is row 1), so that problems can name it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_BYTES = 40 * 1024 * 1024  # below the server's upload cap (50 MB), so our message is the one users see
_SNIFF_BYTES = 64 * 1024
# Stop reading a sheet after this many blank rows in a row (formatted but empty rows to the bottom of the sheet).
_BLANK_RUN_LIMIT = 10_000


class TableError(Exception):
    """The file cannot be read as a table at all (message for the user, in Chinese)."""


@dataclass
class RawTable:
    """Rows of text cells, each with the row number the user sees in Excel; blank rows left out."""

    rows: list[tuple[int, list[str]]]
    kind: str  # csv or xlsx
    encoding: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)


_MAGIC = (
    (b"%PDF", "这是 PDF 文件, 不是表格。请上传 CSV 或 Excel (.xlsx) 文件。"),
    (
        b"\xd0\xcf\x11\xe0",
        "这是旧版 Excel (.xls) 或 Word (.doc) 文件。请在 Excel 中“另存为” .xlsx 或 “CSV UTF-8”后再上传。",
    ),
    (b"\x89PNG", "这是图片 (PNG), 不是表格。"),
    (b"\xff\xd8\xff", "这是图片 (JPEG), 不是表格。"),
    (b"GIF8", "这是图片 (GIF), 不是表格。"),
    (b"Rar!", "这是压缩包 (RAR), 不是表格。请解压后上传其中的 CSV 或 .xlsx 文件。"),
    (b"7z\xbc\xaf", "这是压缩包 (7z), 不是表格。请解压后上传其中的 CSV 或 .xlsx 文件。"),
    (b"\x1f\x8b", "这是压缩包 (gzip), 不是表格。请解压后上传其中的 CSV 或 .xlsx 文件。"),
)


def read_table(data: bytes, file_name: str = "", is_header: Callable[[list[str]], bool] | None = None) -> RawTable:
    """The file's rows as text. Raises TableError if it is empty, binary, or not readable as a table.

    is_header: recognises a header row; used to pick the data sheet of a workbook (templates carry a 填写说明 sheet).
    """
    if len(data) > MAX_BYTES:
        raise TableError(
            f"文件太大: {len(data) / 1024 / 1024:.1f} MB, 上限为 {MAX_BYTES // 1024 // 1024} MB。请按地区或月份拆分后分批导入。"
        )
    if not data.strip():
        raise TableError("文件是空的。")
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise TableError(reason)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _read_xlsx(data, is_header)
    return _read_csv(data)


# ----------------------------------------------------------------------------------------------- CSV


def _decode(data: bytes) -> tuple[str, str]:
    """Decode strictly, trying what Excel and Chinese Windows produce, in order of how sure the test is."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as error:
            raise TableError(f"文件开头声明为 UTF-8, 但第 {error.start} 字节处不是有效的 UTF-8 编码。") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise TableError("文件声明为 UTF-16 (Unicode 文本), 但内容不是有效的 UTF-16 编码。") from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise TableError(
            "文件不是文本表格 (含有二进制内容, 可能是图片、压缩包或其他程序的文件)。请上传 CSV 或 Excel (.xlsx) 文件。"
        )
    for encoding, label in (("utf-8", "UTF-8"), ("gb18030", "GB18030/GBK")):
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError:
            continue
    raise TableError(
        "无法识别文件的编码 (不是 UTF-8, 也不是 GB18030/GBK)。请在 Excel 中“另存为” “CSV UTF-8(逗号分隔)” 或 .xlsx 后再上传。"
    )


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(3, len(sample) // 100)


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def _read_csv(data: bytes) -> RawTable:
    text, encoding = _decode(data)
    if _looks_binary(text):
        raise TableError(
            "文件不是文本表格 (含有大量控制字符, 可能是其他程序的二进制文件)。请上传 CSV 或 Excel (.xlsx) 文件。"
        )
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        # A record with a quoted line break is still one row in Excel, so the record count is the row number.
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
    except csv.Error as error:
        raise TableError(f"文件不是有效的 CSV 表格 (第 {reader.line_num} 行: {error})。") from None
    if not rows:
        raise TableError("文件是空的。")
    return RawTable(rows=rows, kind="csv", encoding=encoding)


# ----------------------------------------------------------------------------------------------- xlsx


def cell_text(value: object) -> str:
    """A cell of a workbook as the text the user typed (320102, not 320102.0; a date as 2024-06-30)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sheet_rows(sheet) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    blank_run = 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(value) for value in values]
        if any(cell.strip() for cell in cells):
            rows.append((number, cells))
            blank_run = 0
        else:
            blank_run += 1
            if blank_run >= _BLANK_RUN_LIMIT:
                break
    return rows


def _read_xlsx(data: bytes, is_header: Callable[[list[str]], bool] | None) -> RawTable:
    from openpyxl import load_workbook

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise TableError("文件损坏: 看起来是 Excel (.xlsx) 或压缩文件, 但无法打开。") from None
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise TableError("这是 Word 文档, 不是表格。请上传 CSV 或 Excel (.xlsx) 文件。")
        raise TableError("这是压缩包或其他文件, 不是 Excel (.xlsx) 工作簿。")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise TableError(
            f"无法打开 Excel 工作簿 ({type(error).__name__})。请在 Excel 中打开并另存为 .xlsx 后再上传。"
        ) from None
    try:
        sheets = list(workbook.worksheets)
        if not sheets:
            raise TableError("Excel 工作簿中没有工作表。")
        chosen = None
        fallback = None
        for sheet in sheets:
            try:
                rows = _sheet_rows(sheet)
            except Exception as error:  # a damaged sheet
                raise TableError(f"无法读取工作表“{sheet.title}” ({type(error).__name__})。") from None
            if not rows:
                continue
            if fallback is None:
                fallback = (sheet.title, rows)
            if is_header is not None and any(is_header(cells) for _, cells in rows[:5]):
                chosen = (sheet.title, rows)
                break
        chosen = chosen or fallback
        if chosen is None:
            raise TableError("Excel 工作簿中的工作表都是空的。")
        notes = [f"读取了工作表“{chosen[0]}”"] if len(sheets) > 1 else []
        return RawTable(rows=chosen[1], kind="xlsx", sheet=chosen[0], notes=notes)
    finally:
        workbook.close()
