"""Rule: a month (or report date) outside 2023-01 … 2025-12 is rejected, naming the cell."""

from tests.transfer_support import CASE_HEADER, PROGRESS_HEADER, case_row, csv_file, find, progress_row


def test_month_before_and_after_the_plan(reject):
    data = csv_file([CASE_HEADER, case_row(month="2022-12"), case_row(month="2026-01")])
    problems = reject(data)
    find(problems, row=2, column="月份", reason="月份不在行动期内 (2023-01 至 2025-12)")
    find(problems, row=3, column="月份", reason="月份不在行动期内")
    assert [p.value for p in problems] == ["2022-12", "2026-01"]


def test_report_date_after_the_plan(reject):
    row = progress_row(report_date="2026-01-05", completed_on="2025-12-30")
    problems = reject(csv_file([PROGRESS_HEADER, row]))
    find(problems, row=2, column="报告日期", reason="日期不在行动期内 (2023-01-01 至 2025-12-31)")


def test_month_that_is_not_a_month(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(month="2025-13")]))
    find(problems, row=2, column="月份", reason="不是有效月份")
