"""Milestone and target status rules (schema.sql), at their edges."""

from __future__ import annotations

import pytest

START = "2023-11-27"


def status(rules, as_of, deadline, reported="in_progress", percent=None, completed_on=None, start=START):
    return rules.execute(
        "select milestone_status(?::date, ?::date, ?::date, ?, ?, ?::date)",
        [as_of, deadline, start, reported, percent, completed_on],
    ).fetchone()[0]


@pytest.mark.parametrize(
    "as_of, deadline, reported, percent, completed_on, expected",
    [
        # finished
        ("2024-07-01", "2024-06-30", "completed", 100, "2024-06-30", "done_on_time"),  # on the deadline day
        ("2024-07-01", "2024-06-30", "completed", 100, "2024-07-01", "done_late"),  # a day after
        ("2024-06-29", "2024-06-30", "completed", 100, "2024-06-30", "due_soon"),  # completion after as-of: not yet
        # the deadline day itself is not overdue; the day after is
        ("2024-06-30", "2024-06-30", "in_progress", 95, None, "due_soon"),
        ("2024-07-01", "2024-06-30", "in_progress", 95, None, "overdue"),
        # leap day: 2024-02-29 deadline
        ("2024-02-29", "2024-02-29", "in_progress", 99, None, "due_soon"),
        ("2024-03-01", "2024-02-29", "in_progress", 99, None, "overdue"),
        # 60-day window: 61 days out is not due soon
        ("2024-05-01", "2024-06-30", "in_progress", 95, None, "due_soon"),
        ("2024-04-30", "2024-06-30", "in_progress", 95, None, "in_progress"),
        # 序时进度: on 2024-03-14 half the schedule has elapsed (108 of 216 days); behind means more than
        # 10 points below 50 %, so 40 % is still on schedule and 39 % is behind
        ("2024-03-14", "2024-06-30", "in_progress", 40, None, "in_progress"),
        ("2024-03-14", "2024-06-30", "in_progress", 39, None, "behind_schedule"),
        # behind outranks due soon (yellow before blue)
        ("2024-06-15", "2024-06-30", "in_progress", 10, None, "behind_schedule"),
        # missing reports: nothing reported counts as 0 %
        ("2023-12-01", "2024-06-30", "not_started", None, None, "not_started"),
        ("2024-03-14", "2024-06-30", "not_started", None, None, "behind_schedule"),
        ("2024-07-01", "2024-06-30", "not_started", None, None, "overdue"),
        # ongoing duties with no deadline are never overdue or behind
        ("2025-12-31", None, "in_progress", 40, None, "in_progress"),
        ("2025-12-31", None, "not_started", None, None, "not_started"),
        ("2025-12-31", None, "completed", 100, "2024-01-05", "done_on_time"),
        # not applicable wins over everything
        ("2025-12-31", "2024-06-30", "not_applicable", 0, None, "not_applicable"),
    ],
)
def test_milestone_status(rules, as_of, deadline, reported, percent, completed_on, expected):
    assert status(rules, as_of, deadline, reported, percent, completed_on) == expected


def test_schedule_share_edges(rules):
    share = lambda as_of: rules.execute(  # noqa: E731
        "select schedule_share(?::date, date '2024-01-01', date '2024-01-11')", [as_of]
    ).fetchone()[0]
    assert share("2023-12-31") == 0.0
    assert share("2024-01-06") == pytest.approx(0.5)
    assert share("2024-01-11") == 1.0
    # a deadline before the schedule start is simply due
    assert (
        rules.execute("select schedule_share(date '2024-05-01', date '2024-04-19', date '2024-04-30')").fetchone()[0]
        == 1.0
    )


@pytest.mark.parametrize(
    "value, comparator, target, parent, expected",
    [
        (60.0, ">=", 60.0, None, "met"),
        (59.99, ">=", 60.0, None, "not_met"),
        (100.0, "=", 100.0, None, "met"),
        (99.9, "=", 100.0, None, "not_met"),
        (None, ">=", 60.0, None, "no_data"),
        (4.0, "below_parent_avg", None, 5.0, "met"),
        (5.0, "below_parent_avg", None, 5.0, "not_met"),
        (4.0, "below_parent_avg", None, None, "no_data"),
    ],
)
def test_target_status(rules, value, comparator, target, parent, expected):
    assert (
        rules.execute("select target_status(?, ?, ?, ?)", [value, comparator, target, parent]).fetchone()[0] == expected
    )


def test_status_on_a_past_date_uses_the_latest_report_up_to_it(con):
    """Append-only history: the status on D comes from the last report on or before D."""
    milestone, region = con.execute(
        """
        select milestone_id, region_code from task_progress where status_reported = 'completed'
        and completed_on between date '2024-07-01' and date '2024-12-31' order by all limit 1
        """
    ).fetchone()
    completed_on = con.execute(
        "select completed_on from task_progress where milestone_id = ? and region_code = ? and completed_on is not null",
        [milestone, region],
    ).fetchone()[0]
    before = con.execute(
        "select status, report_date from milestone_status_as_of(?::date - 1) where milestone_id = ? and region_code = ?",
        [completed_on, milestone, region],
    ).fetchone()
    after = con.execute(
        "select status from milestone_status_as_of(?::date) where milestone_id = ? and region_code = ?",
        [completed_on, milestone, region],
    ).fetchone()
    assert before[0] not in ("done_on_time", "done_late") and before[1] < completed_on
    assert after[0] in ("done_on_time", "done_late")
