"""Rule: a required column that is missing is named (row 1, the header)."""

from tests.transfer_support import CASE_HEADER, case_row, csv_file, find


def test_missing_required_column(reject):
    index = CASE_HEADER.index("经法制审核(件)")
    header = CASE_HEADER[:index] + CASE_HEADER[index + 1 :]
    row = case_row()
    row = row[:index] + row[index + 1 :]
    problems = reject(csv_file([header, row]))
    find(problems, row=1, column="经法制审核(件)", reason="缺少必填列「经法制审核(件)」")
    assert len(problems) == 1


def test_unknown_column_is_named(reject):
    problems = reject(csv_file([[*CASE_HEADER, "备注"], [*case_row(), "补报"]]))
    find(problems, row=1, column="备注", reason="无法识别的列")


def test_headers_that_match_no_template(reject):
    problems = reject(csv_file([["姓名", "电话"], ["张三", "123"]]))
    find(problems, row=1, column="", reason="表头无法识别")
