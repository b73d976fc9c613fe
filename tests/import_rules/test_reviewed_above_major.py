"""Rule: legally reviewed major decisions cannot exceed the major decisions."""

from tests.transfer_support import CASE_HEADER, case_row, csv_file, find


def test_reviewed_above_major_decisions(reject):
    problems = reject(
        csv_file([CASE_HEADER, case_row(), case_row(month="2025-10", major_decisions=5, major_decisions_reviewed=6)])
    )
    problem = find(problems, row=3, column="经法制审核(件)", reason="经法制审核(件) (6) 大于 重大执法决定(件) (5)")
    assert problem.value == "6"
    assert len(problems) == 1
