"""Rule: a natural key appears once in a file; the later row names the first."""

from tests.transfer_support import CASE_HEADER, case_row, csv_file, find


def test_duplicate_key_names_the_first_row(reject):
    rows = [CASE_HEADER, case_row(), case_row(domain="environment"), case_row(month="2025-11", count_penalty=40)]
    problems = reject(csv_file(rows))
    problem = find(problems, row=4, column="地区代码+月份+执法领域代码", reason="与第 2 行重复")
    assert problem.value == "320102 / 2025-11 / market"
    assert len(problems) == 1


def test_same_month_written_two_ways_is_still_a_duplicate(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(month="2025-11"), case_row(month="2025年11月")]))
    find(problems, row=3, column="地区代码+月份+执法领域代码", reason="与第 2 行重复")
