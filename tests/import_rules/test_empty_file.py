"""Rule: an empty file, or one with a header and no data, is rejected with a plain message."""

import pytest

from tests.transfer_support import CASE_HEADER, csv_file, find, xlsx_file


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \r\n", b",,,\r\n,,\r\n"])
def test_empty_csv(reject, data):
    problems = reject(data)
    assert [p.reason for p in problems] == ["文件是空的。"]


def test_header_only(reject):
    problems = reject(csv_file([CASE_HEADER]))
    find(problems, row=None, column="", reason="文件只有表头, 没有数据行")


def test_empty_workbook(reject):
    problems = reject(xlsx_file([]), "empty.xlsx")
    assert [p.reason for p in problems] == ["Excel 工作簿中的工作表都是空的。"]
