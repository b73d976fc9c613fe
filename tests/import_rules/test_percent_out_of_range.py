"""Rule: a percentage must lie in 0-100 (and, for a completed milestone, be 100)."""

from tests.transfer_support import PROGRESS_HEADER, csv_file, find, progress_row


def test_percent_above_100_and_below_0(reject):
    rows = [
        PROGRESS_HEADER,
        progress_row(status="推进中", percent=120, completed_on=""),
        progress_row(report_date="2025-10-31", status="推进中", percent="-5", completed_on=""),
    ]
    problems = reject(csv_file(rows))
    find(problems, row=2, column="完成进度(%)", reason="百分比必须在 0 到 100 之间")
    find(problems, row=3, column="完成进度(%)", reason="百分比必须在 0 到 100 之间")


def test_completed_needs_100_percent_and_a_date(reject):
    problems = reject(csv_file([PROGRESS_HEADER, progress_row(percent="90%", completed_on="")]))
    find(problems, row=2, column="完成进度(%)", reason="完成进度须为 100")
    find(problems, row=2, column="完成日期", reason="须填写完成日期")
