"""Rule: a count below zero is rejected."""

from tests.transfer_support import CASE_HEADER, TRAINING_HEADER, case_row, csv_file, find, training_row


def test_negative_case_count(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(count_penalty=-3)]))
    problem = find(problems, row=2, column="行政处罚(件)", reason="不能为负数")
    assert problem.value == "-3"


def test_negative_training_hours(reject):
    problems = reject(csv_file([TRAINING_HEADER, training_row(public_law_hours=-1.5)]))
    find(problems, row=2, column="公共法律知识培训(学时)", reason="不能为负数")
