"""Rule: a file that is not a table at all (binary, a PDF renamed .csv, a workbook without sheets) is named as such."""

import io
import random
import zipfile

import pytest

from tests.transfer_support import xlsx_file


def test_pdf_renamed_csv(reject):
    problems = reject(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "报表.csv")
    assert len(problems) == 1 and problems[0].row is None
    assert "这是 PDF 文件, 不是表格" in problems[0].reason


@pytest.mark.parametrize("seed", range(40))
def test_random_bytes_are_named_binary_whatever_they_happen_to_decode_as(reject, seed):
    # Random bytes can hold lines that decode as UTF-8 and others that do not: still a binary file, not "mixed".
    noise = random.Random(seed).randbytes(random.Random(seed).choice([200, 4096, 70_000]))
    problems = reject(noise, "data.csv")
    assert len(problems) == 1 and "不是文本表格" in problems[0].reason, problems[0].reason


def test_workbook_without_sheets(reject):
    # A real .xlsx whose workbook lists no sheet (what a broken export tool can produce).
    source = zipfile.ZipFile(io.BytesIO(xlsx_file([["地区代码"], ["320102"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode()
                start, end = text.index("<sheets>"), text.index("</sheets>") + len("</sheets>")
                data = (text[:start] + "<sheets/>" + text[end:]).encode()
            if item.filename.startswith("xl/worksheets/"):
                continue
            target.writestr(item, data)
    problems = reject(buffer.getvalue(), "empty.xlsx")
    assert len(problems) == 1
    assert "没有工作表" in problems[0].reason or "无法打开 Excel 工作簿" in problems[0].reason


def test_word_document_renamed_xlsx(reject):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        target.writestr("word/document.xml", "<w:document/>")
    problems = reject(buffer.getvalue(), "数据.xlsx")
    assert "这是 Word 文档, 不是表格" in problems[0].reason


def test_old_xls(reject):
    problems = reject(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "数据.xls")
    assert "旧版 Excel (.xls)" in problems[0].reason
