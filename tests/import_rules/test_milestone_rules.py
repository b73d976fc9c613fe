"""Rules of milestone progress: the milestone exists and applies to the region; completion date and status agree."""

from tests.transfer_support import PROGRESS_HEADER, csv_file, find, progress_row


def test_unknown_milestone(reject):
    problems = reject(csv_file([PROGRESS_HEADER, progress_row(milestone="JS-M999")]))
    find(problems, row=2, column="事项编号", reason="事项编号 JS-M999 不存在")


def test_milestone_of_another_plan(reject):
    # 日照's milestone reported by a district of 南京: no plan assigns it there.
    problems = reject(csv_file([PROGRESS_HEADER, progress_row(milestone="RZ-M004")]))
    find(problems, row=2, column="事项编号", reason="事项 RZ-M004 不适用于地区 320102")


def test_completion_date_after_report_and_date_without_completion(reject):
    rows = [
        PROGRESS_HEADER,
        progress_row(report_date="2025-11-30", completed_on="2025-12-05"),
        progress_row(report_date="2025-10-31", status="推进中", percent=60, completed_on="2025-10-01"),
    ]
    problems = reject(csv_file(rows))
    find(problems, row=2, column="完成日期", reason="晚于报告日期")
    find(problems, row=3, column="完成日期", reason="只有状态为“已完成”时才填写完成日期")


def test_unknown_status(reject):
    problems = reject(csv_file([PROGRESS_HEADER, progress_row(status="差不多了")]))
    find(problems, row=2, column="上报状态", reason="上报状态只能是 未启动、推进中、已完成 或 不适用")
