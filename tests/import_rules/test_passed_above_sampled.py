"""Rule: those who passed the exam (or case files passed) cannot exceed those sampled (reviewed)."""

from tests.transfer_support import CASE_HEADER, TRAINING_HEADER, case_row, csv_file, find, training_row


def test_exam_passed_above_sampled(reject):
    problems = reject(csv_file([TRAINING_HEADER, training_row(exam_sampled=12, exam_passed=13)]))
    find(problems, row=2, column="考试合格(人)", reason="考试合格(人) (13) 大于 闭卷考试抽考(人) (12)")


def test_case_files_passed_above_reviewed(reject):
    problems = reject(csv_file([CASE_HEADER, case_row(case_files_reviewed=4, case_files_passed=5)]))
    find(problems, row=2, column="评查合格(卷)", reason="大于 评查案卷(卷) (4)")
