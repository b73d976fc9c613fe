"""The milestone board and the task ledger: which plan to show, and the board's and ledger's rows and columns.

Every status here was decided in SQL (schema.sql: milestone_status_as_of, worst_milestone_status); this module
only picks, arranges and labels the query results, so that the pages stay thin and this logic is testable.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from enforcement.content import uses
from enforcement.content.frames import records
from enforcement.content.indicators import QueryFn
from enforcement.i18n import status_label, t
from enforcement.rules import status
from enforcement.rules.filters import Filters

# Up to this many board rows (children + own agencies) the ledger shows one status column per row;
# beyond it, counts per status and a long table (a county with 40 townships does not fit in columns).
WIDE_LEDGER_MAX_ROWS = 20

COUNT_COLUMNS = tuple(f"count_{code}" for code in status.MILESTONE_STATUSES)


@dataclass(frozen=True)
class PlanChoice:
    """The plan a page shows for a region, and how it was chosen."""

    plan_id: str | None
    governs: bool  # the plan governs the region (issued at or above it)
    rejected: str | None = None  # a requested plan that does not concern the region


def choose_plan(plans: pd.DataFrame, requested: str | None) -> PlanChoice:
    """The requested plan if it concerns the region, else the nearest governing plan, else the first concerned.

    plans: rows of plans_for_region (governing plans first, nearest first).
    """
    if plans.empty:
        return PlanChoice(None, False, requested)
    governs = dict(zip(plans["plan_id"], plans["governs"].astype(bool)))
    if requested in governs:
        return PlanChoice(requested, governs[requested])
    first = plans.iloc[0]
    return PlanChoice(str(first["plan_id"]), bool(first["governs"]), requested)


def status_text(code: object, lang: str) -> str:
    """Label of a status code; empty for a missing status."""
    return status_label(str(code), lang) if isinstance(code, str) and code else ""


def milestone_label(row: pd.Series | dict, lang: str) -> str:
    """How a milestone is named on axes and in tables: its reviewed short name (unique within its plan)."""
    return str(row["short_name_en" if lang == "en" else "short_name_zh"])


def row_labels(board: pd.DataFrame, region_level: str, lang: str) -> dict[str, str]:
    """Display name of each board row: child names, and 本级 for the region's own agencies (a township is itself)."""
    labels: dict[str, str] = {}
    rows = board.drop_duplicates("row_code").sort_values("row_order")
    for row in rows.itertuples():
        if row.is_own and region_level != "township":
            labels[row.row_code] = t("own_agencies", lang)
        else:
            labels[row.row_code] = str(row.row_name)
    names = list(labels.values())
    # two children with one name (rare, but the tree has some) would merge into one table column
    return {code: f"{name} ({code})" if names.count(name) > 1 else name for code, name in labels.items()}


def count_summary(row: pd.Series | dict, lang: str) -> str:
    """'逾期未完成 2 · 按期完成 10': how many pairs behind a cell have each status, most urgent first."""
    parts = [
        f"{status_label(code, lang)} {int(row[column])}"
        for code, column in zip(status.MILESTONE_STATUSES, COUNT_COLUMNS)
        if column in row and row[column] > 0
    ]
    return " · ".join(parts)


def _iso(day: object) -> str:
    return pd.Timestamp(day).date().isoformat() if pd.notna(day) else ""


# What a heatmap cell's or a timeline point's hover tells of its milestone item, in this order: what it asks and
# when, then who answers for it and where it stands.
_ITEM_ASKS = ("milestone_id", "clause_path", "requirement", "deadline_text", "deadline_date")
_ITEM_STANDS = (
    "lead_units",
    "responsible_units",
    "status",
    "status_label",
    "percent_complete",
    "count_items",
    "status_counts",
)


def board_cells(board: pd.DataFrame, milestones: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    """One row per heatmap cell (board row x milestone; region_code = the row), with what its hover shows."""
    info = milestones.set_index("milestone_id")
    cells = board[board["milestone_id"].isin(info.index)].copy()
    cells["region"] = cells["row_code"].map(labels)
    cells["clause_path"] = cells["milestone_id"].map(info["clause_path"])
    cells["short_name"] = cells["milestone_id"].map(info["short_name_en" if lang == "en" else "short_name_zh"])
    cells["requirement"] = cells["milestone_id"].map(info["requirement"])
    cells["deadline_text"] = cells["milestone_id"].map(info["deadline_text"])
    cells["deadline_date"] = cells["milestone_id"].map(info["deadline_date"])
    cells["lead_units"] = cells["milestone_id"].map(info["lead_units"])
    cells["responsible_units"] = cells["milestone_id"].map(info["responsible_units"])
    cells["status_label"] = [status_text(code, lang) for code in cells["status"]]
    cells["status_counts"] = [count_summary(row, lang) for row in records(cells)]
    cells = cells.rename(columns={"row_code": "region_code"})
    return cells[["region_code", "region", "short_name", *_ITEM_ASKS, *_ITEM_STANDS]].reset_index(drop=True)


def timeline_points(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Milestones with a deadline date, in document order, with their status in the region: the timeline's data."""
    points = summary[summary["deadline_date"].notna()].copy()
    points["item"] = [milestone_label(row, lang) for row in records(points)]
    points["short_name"] = points["item"]
    points["status_label"] = [status_text(code, lang) for code in points["status"]]
    points["status_counts"] = [count_summary(row, lang) for row in records(points)]
    columns = ["item", "short_name", *_ITEM_ASKS, "is_ongoing", *_ITEM_STANDS]
    return points[columns].reset_index(drop=True)


def clause_card(milestone: pd.Series) -> dict[str, object]:
    """What the document says about one milestone, as (column name -> value) in reading order."""
    return {
        "document_number": milestone.get("document_number"),
        "plan_title": milestone.get("plan_title"),
        "clause_path": milestone.get("clause_path"),
        "quote": milestone.get("quote"),
        "lead_units": milestone.get("lead_units"),
        "responsible_units": milestone.get("responsible_units"),
        "deadline_text": milestone.get("deadline_text"),
        "deadline_date": _iso(milestone.get("deadline_date")) or None,
        "is_ongoing": bool(milestone.get("is_ongoing")),
    }


def changes_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The 'what changed' list with status and cause labels, as shown and downloaded."""
    table = changes.copy()
    table["change_cause"] = [t(f"cause_{cause}", lang) for cause in table["change_cause"]]
    table["old_status"] = [status_text(code, lang) for code in table["old_status"]]
    table["new_status"] = [status_text(code, lang) for code in table["new_status"]]
    table["short_name"] = [milestone_label(row, lang) for row in records(table)]
    columns = [
        "changed_on",
        "region_path",
        "short_name",
        "milestone_id",
        "clause_path",
        "old_status",
        "new_status",
        "old_percent_complete",
        "percent_complete",
        "change_cause",
        "evidence_note",
        "requirement",
    ]
    return table[columns]


# ----------------------------------------------------------------------------------------------- ledger


def is_wide(labels: dict[str, str]) -> bool:
    """Whether the ledger shows one status column per board row (few rows) or counts plus a long table."""
    return len(labels) <= WIDE_LEDGER_MAX_ROWS


# What a phone shows without scrolling comes first: the item's name, its status and how far it is.
_LEDGER_HEAD = [
    "short_name",
    "status",
    "percent_complete",
    "deadline_date",
    "milestone_id",
    "clause_path",
    "requirement",
]
_LEDGER_TAIL = ["completed_on", "responsible_units", "lead_units", "deadline_text", "is_ongoing"]


def _ledger(summary: pd.DataFrame, middle: pd.DataFrame, lang: str) -> pd.DataFrame:
    # The item and its status here first, then the per-region part, then what the document says about it.
    head = summary.assign(short_name=[milestone_label(row, lang) for row in records(summary)])
    head = head[_LEDGER_HEAD].reset_index(drop=True)
    head["status"] = [status_text(code, lang) for code in head["status"]]
    tail = summary[_LEDGER_TAIL].reset_index(drop=True)
    for column in ("responsible_units", "lead_units", "deadline_text"):
        tail[column] = tail[column].fillna("")
    return pd.concat([head, middle.reset_index(drop=True), tail], axis=1)


def ledger_wide(summary: pd.DataFrame, board: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    """The ledger with one column per board row holding that row's status label (blank where it does not apply)."""
    by_row = board[board["milestone_id"].isin(summary["milestone_id"])]
    grid = by_row.pivot(index="milestone_id", columns="row_code", values="status")
    grid = grid.reindex(index=summary["milestone_id"], columns=list(labels)).rename(columns=labels)
    grid = grid.map(lambda code: status_text(code, lang))
    return _ledger(summary, grid, lang)


def ledger_counts(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The ledger with, instead of a column per region, how many regions have each status."""
    return _ledger(summary, summary[[*COUNT_COLUMNS, "count_items"]], lang)


def ledger_long(summary: pd.DataFrame, board: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.DataFrame:
    """One row per (milestone, board row) of the milestones in the ledger: the long form for many regions."""
    long = board[board["milestone_id"].isin(summary["milestone_id"])].copy()
    info = summary.set_index("milestone_id")
    long["clause_path"] = long["milestone_id"].map(info["clause_path"])
    long["short_name"] = long["milestone_id"].map(info["short_name_en" if lang == "en" else "short_name_zh"])
    long["requirement"] = long["milestone_id"].map(info["requirement"])
    long["deadline_date"] = long["milestone_id"].map(info["deadline_date"])
    long["region"] = long["row_code"].map(labels)
    long["status_counts"] = [count_summary(row, lang) for row in records(long)]
    long["status"] = [status_text(code, lang) for code in long["status"]]
    columns = [
        "short_name",
        "region",
        "status",
        "milestone_id",
        "clause_path",
        "requirement",
        "deadline_date",
        "percent_complete",
        "count_items",
        "status_counts",
        "completed_on",
    ]
    return long[columns].reset_index(drop=True)


# ----------------------------------------------------------------------------------------------- colours


def _text_color(background: str) -> str:
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def status_cell_css(lang: str) -> dict[str, str]:
    """CSS of a table cell showing each status label, in the status palette."""
    return {
        status_label(code, lang): f"background-color: {color}; color: {_text_color(color)}"
        for code, color in status.MILESTONE_COLORS.items()
    }


def status_styler(lang: str):
    """A table style (for blocks.data_table) colouring every cell that shows a status label."""
    css = status_cell_css(lang)

    def style(frame: pd.DataFrame):
        return frame.style.map(lambda value: css.get(value, "") if isinstance(value, str) else "")

    return style


# ----------------------------------------------------------------------------------------------- page content


@dataclass(frozen=True)
class PlanView:
    """What the milestone and ledger pages show of one plan in one region."""

    region_name: str
    region_level: str
    plan_items: pd.DataFrame  # the plan's milestones in the chosen task area (plan_milestones)
    board: pd.DataFrame  # status per (milestone, row of the region)
    summary: pd.DataFrame  # one row per milestone, counts per status
    labels: dict[str, str]  # board row -> name
    note: str | None  # what the plan's text says of itself (e.g. cut off)
    figures: pd.DataFrame  # what the plan reports as already achieved, with its words


# What plan_view runs: for the @uses of a content function that calls it.
PLAN_VIEW_QUERIES = ("region_lineage", "plan_milestones", "milestone_board", "milestone_summary", "plan_facts")


@uses(*PLAN_VIEW_QUERIES)
def plan_view(
    query: QueryFn,
    filters: Filters,
    plan_id: str,
    statuses: tuple[str, ...] | None = None,
    units: tuple[str, ...] | None = None,
) -> PlanView:
    """A plan's milestones in the region at the as-of date (statuses and units narrow the summary)."""
    region = query("region_lineage", region_code=filters.region).iloc[-1]
    scope = dict(region_code=filters.region, as_of=filters.as_of, plan_id=plan_id, task_area=filters.area)
    board = query("milestone_board", **scope)
    summary = query(
        "milestone_summary",
        **scope,
        statuses=list(statuses) if statuses else None,
        units=list(units) if units else None,
    )
    facts = query("plan_facts", plan_id=plan_id)
    return PlanView(
        region_name=str(region["region_name"]),
        region_level=str(region["level"]),
        plan_items=query("plan_milestones", plan_id=plan_id, task_area=filters.area),
        board=board,
        summary=summary,
        labels=row_labels(board, str(region["level"]), filters.lang),
        note=None if facts.empty or pd.isna(facts.iloc[0]["note"]) else str(facts.iloc[0]["note"]),
        figures=reported_figures(facts),
    )


_COMPARED = {">": "超{value}", "≈": "约{value}", "=": "{value}", ">=": "{value}以上"}


def reported_figures(facts: pd.DataFrame) -> pd.DataFrame:
    """The figures a plan reports as achieved, as the document words them (超1000万宗, 约4100家), with the quote."""
    rows = facts[facts["figure_id"].notna()]
    shown = [
        _COMPARED.get(row["comparator"], "{value}").format(value=f"{row['value']:,.0f}") + str(row["unit"])
        for row in records(rows)
    ]
    return pd.DataFrame(
        {
            "indicator": rows["indicator"].to_numpy(),
            "reported_value": shown,
            "as_of_text": rows["as_of_text"].to_numpy(),
            "quote": rows["figure_quote"].to_numpy(),
        }
    )


@uses("milestone_status_changes")
def status_changes(query: QueryFn, filters: Filters, plan_id: str) -> pd.DataFrame:
    """Which (milestone, region) pairs changed status between the 'since' and the as-of date."""
    return query(
        "milestone_status_changes",
        region_code=filters.region,
        as_of=filters.as_of,
        plan_id=plan_id,
        task_area=filters.area,
        since=filters.since,
    )


def applicable_pairs(summary: pd.DataFrame) -> int:
    """The (milestone, region) pairs of a plan summary that apply: the Overview's year cards count the same, so a
    pair marked not applicable is not an item of that region on any page."""
    return int(summary["count_items"].sum() - summary["count_not_applicable"].sum())


# The overdue list's columns, what a reader needs first on the left (a phone shows two or three of them).
OVERDUE_COLUMNS = (
    "short_name",
    "region_path",
    "days_overdue",
    "deadline_date",
    "percent_complete",
    "milestone_id",
    "clause_path",
    "requirement",
    "responsible_units",
    "evidence_note",
    "report_date",
    "region_code",
)


@uses("overdue_items")
def overdue(
    query: QueryFn, filters: Filters, plan_id: str, units: tuple[str, ...] | None = None, lang: str = "zh"
) -> pd.DataFrame:
    """The plan's items overdue in the region at the as-of date (units narrow them), named in lang."""
    rows = query(
        "overdue_items",
        region_code=filters.region,
        as_of=filters.as_of,
        plan_id=plan_id,
        task_area=filters.area,
        units=list(units) if units else None,
    )
    rows = rows.assign(short_name=rows["short_name_en" if lang == "en" else "short_name_zh"])
    return rows[list(OVERDUE_COLUMNS)]
