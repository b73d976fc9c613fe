"""Status vocabulary and the one status palette used by every page and chart.

The rules that decide a status live in SQL (schema.sql: milestone_status, target_status); this module
only names and colours the results, in the 督查督办 convention leaders know:
green on schedule, blue due soon, yellow behind 序时进度, red overdue, grey not yet due or not applicable.
"""

from __future__ import annotations

# Most urgent first: the order of legends, sorting and "most behind" rankings.
MILESTONE_STATUSES = (
    "overdue",
    "behind_schedule",
    "due_soon",
    "in_progress",
    "not_started",
    "done_late",
    "done_on_time",
    "not_applicable",
)

MILESTONE_COLORS = {
    "overdue": "#d32f2f",  # red: overdue
    "behind_schedule": "#f9a825",  # yellow: behind 序时进度
    "due_soon": "#1e88e5",  # blue: deadline within 60 days
    "in_progress": "#66bb6a",  # light green: on schedule
    "not_started": "#9e9e9e",  # grey: not yet due, nothing reported
    "done_late": "#8e6cc2",  # purple: done, but after the deadline (not a green: it did not keep the schedule)
    "done_on_time": "#2e7d32",  # green: done on time
    "not_applicable": "#d9d9d9",  # light grey
}

# behind_schedule: a figure of the year so far short of the pro-rated target (序时); not_due: not met, deadline ahead.
TARGET_STATUSES = ("not_met", "behind_schedule", "not_due", "met", "no_data")
TARGET_COLORS = {
    "met": "#2e7d32",
    "not_met": "#d32f2f",
    "behind_schedule": "#f9a825",
    "not_due": "#9e9e9e",
    "no_data": "#9e9e9e",
}

# Red / amber / green for KPI cards: how far a value is from its target.
RAG_COLORS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#d32f2f", "grey": "#9e9e9e"}

DONE_STATUSES = ("done_on_time", "done_late")
LAGGING_STATUSES = ("overdue", "behind_schedule")


def milestone_color(status: str) -> str:
    """Colour of a milestone status (grey for anything unknown)."""
    return MILESTONE_COLORS.get(status, MILESTONE_COLORS["not_started"])


def rag(value: float | None, target: float | None, comparator: str, amber_margin: float = 5.0) -> str:
    """Red/amber/green of a KPI against its target: amber when within amber_margin points of it."""
    if value is None or target is None:
        return "grey"
    if comparator in (">=", ">", "="):
        gap = target - value
    elif comparator in ("<=", "<", "below_parent_avg"):
        gap = value - target
    else:
        return "grey"
    if gap <= 1e-9:
        return "green"
    return "amber" if gap <= amber_margin else "red"
