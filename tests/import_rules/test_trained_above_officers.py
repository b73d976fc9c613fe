"""Rule: officers trained (or certified) cannot exceed the officers."""

from tests.transfer_support import TRAINING_HEADER, csv_file, find, training_row


def test_trained_above_officers(reject):
    problems = reject(
        csv_file([TRAINING_HEADER, training_row(officers=90, full_rotation_trained=95, certified_officers=80)])
    )
    find(problems, row=2, column="完成全员轮训(人)", reason="完成全员轮训(人) (95) 大于 执法人员(人) (90)")
    assert len(problems) == 1


def test_township_trained_above_township_officers(reject):
    problems = reject(csv_file([TRAINING_HEADER, training_row(township_officers=10, township_officers_trained=12)]))
    find(problems, row=2, column="乡镇(街道)已培训(人)", reason="大于 乡镇(街道)执法人员(人) (10)")
