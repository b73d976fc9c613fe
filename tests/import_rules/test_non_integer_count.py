"""Rule: a count must be a whole number; text is not a number; an empty required cell is named."""

from tests.transfer_support import CASE_HEADER, case_row, csv_file, find


def test_decimal_count(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(count_inspection="2.5")]))
    problem = find(problems, row=2, column="行政检查(次)", reason="必须是整数")
    assert problem.value == "2.5"


def test_text_and_empty_counts(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(count_license="十二", count_coercion="")]))
    find(problems, row=2, column="行政许可(件)", reason="不是数字")
    find(problems, row=2, column="行政强制(件)", reason="必填, 不能为空")


def test_thousands_separator_and_whole_decimal_are_accepted(rules_db):
    from enforcement.storage.runner import QueryRunner
    from enforcement.transfer import importer
    from tests.transfer_support import read_only

    checked = importer.check_file(
        csv_file([CASE_HEADER, case_row(count_inspection="1,230", count_penalty="41.0")]),
        "ok.csv",
        QueryRunner(read_only(rules_db)),
    )
    assert checked.ok, checked.problems
    assert checked.result.rows[["count_inspection", "count_penalty"]].iloc[0].tolist() == [1230, 41]
