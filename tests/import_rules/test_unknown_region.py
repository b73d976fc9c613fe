"""Rule: a region code that is not in the region table is named, with the code."""

from enforcement.storage.runner import QueryRunner
from tests.transfer_support import CASE_HEADER, case_row, csv_file, find


def test_unknown_region_code_is_named(reject):
    data = csv_file([CASE_HEADER, case_row(), case_row(region="320199", name="")])
    problems = reject(data)
    problem = find(problems, row=3, column="地区代码", reason="地区代码 320199 不存在")
    assert problem.value == "320199"
    assert len(problems) == 1


def test_code_that_is_not_six_or_nine_digits(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(region="32010", name="")]))
    find(problems, row=2, column="地区代码", reason="6 位")


def test_excel_number_form_and_twelve_digit_form_are_accepted(rules_db):
    from enforcement.transfer import importer
    from tests.transfer_support import read_only

    con = read_only(rules_db)
    rows = [CASE_HEADER, case_row(region="320102.0"), case_row(region="320102000000", month="2025-10")]
    checked = importer.check_file(csv_file(rows), "codes.csv", QueryRunner(con))
    assert checked.ok, checked.problems
    assert checked.result.rows["region_code"].tolist() == ["320102", "320102"]
