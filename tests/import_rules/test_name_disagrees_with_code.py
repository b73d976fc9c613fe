"""Rule: a region (or domain) name written beside a code must agree with it; short names are fine."""

from tests.transfer_support import CASE_HEADER, case_row, csv_file, find


def test_region_name_of_another_region(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(name="鼓楼区"), case_row(month="2025-10", name="玄武")]))
    problem = find(problems, row=2, column="地区", reason="名称与地区代码 320102 不一致")
    assert "玄武区" in problem.reason
    assert len(problems) == 1


def test_unknown_domain(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(domain="外太空")]))
    find(problems, row=2, column="执法领域代码", reason="执法领域「外太空」不存在")
