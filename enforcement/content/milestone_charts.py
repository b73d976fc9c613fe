"""Figures of the milestone board: the region x milestone status heatmap and the deadline timeline.

Plotly only (no Streamlit); colours come from enforcement/status.py, the house style from enforcement/charts.py.
``board_charts`` builds both for the milestones page with the tables behind them, so that the page keeps them per
filters (ctx.built) instead of building them again on every rerun.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import charts, milestones, uses
from enforcement.content.frames import records
from enforcement.content.indicators import QueryFn
from enforcement.i18n import status_label, t
from enforcement.rules import status
from enforcement.rules.filters import Filters


def _wrap(text: object, width: int = 26) -> str:
    return "<br>".join(textwrap.wrap(str(text), width)) if isinstance(text, str) else ""


def _deadline(row: pd.Series | dict, lang: str) -> str:
    written = row["deadline_text"] if isinstance(row["deadline_text"], str) else ""
    day = pd.Timestamp(row["deadline_date"]).date().isoformat() if pd.notna(row["deadline_date"]) else ""
    if written and day:
        return f"{written} ({day})"
    return written or day or t("ms_no_deadline", lang)


def _percent(value: object) -> str:
    return f"{value:.0f}%" if pd.notna(value) else "—"


def _units(row: pd.Series | dict, lang: str) -> list[str]:
    lines = []
    for column in ("lead_units", "responsible_units"):
        value = row.get(column)
        if isinstance(value, str) and value:
            lines.append(f"{t('card_' + column, lang)}: {_wrap(value.replace(';', '、'), 30)}")
    return lines


def _hover(row: pd.Series | dict, lang: str, region: str | None = None) -> str:
    lines = [f"<b>{region}</b>"] if region else []
    lines += [
        f"<b>{row['short_name']}</b> · {row['milestone_id']} · {t('ms_clause', lang)} {row['clause_path']}",
        _wrap(row["requirement"]),
        f"{t('ms_deadline', lang)}: {_deadline(row, lang)}",
        *_units(row, lang),
        f"{t('ms_status', lang)}: <b>{row['status_label']}</b> · "
        f"{t('ms_percent' if row['count_items'] == 1 else 'ms_avg_percent', lang)} {_percent(row['percent_complete'])}",
    ]
    if row["count_items"] > 1:
        lines.append(f"{t('ms_pairs', lang, n=int(row['count_items']))}: {row['status_counts']}")
    return "<br>".join(lines)


def _discrete_scale() -> list[list[object]]:
    # Cell value i (0..n-1) is the i-th status; each gets a flat band of its own colour.
    n = len(status.MILESTONE_STATUSES)
    scale: list[list[object]] = []
    for i, code in enumerate(status.MILESTONE_STATUSES):
        color = status.MILESTONE_COLORS[code]
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def _status_legend(figure: go.Figure, lang: str, statuses: list[str]) -> None:
    for code in statuses:
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker=dict(symbol="square", size=12, color=status.MILESTONE_COLORS[code]),
                name=status_label(code, lang),
                showlegend=True,
                hoverinfo="skip",
            )
        )


def status_heatmap(
    cells: pd.DataFrame, columns: pd.DataFrame, rows: dict[str, str], lang: str, milestones_across: bool = False
) -> go.Figure:
    """Milestones x board rows, each cell in the colour of its (worst) status, with a legend of status labels.

    Milestones run down the side under their short names, readable however many a plan has (日照's 44); the
    regions run across. cells: milestones.board_cells(); columns: the milestones in document order (milestone_id,
    short names); rows: row_code -> label. milestones_across: milestones across the top instead (few regions).
    """
    transpose = not milestones_across
    order = {code: i for i, code in enumerate(status.MILESTONE_STATUSES)}
    present = [m for m in columns["milestone_id"] if m in set(cells["milestone_id"])]
    names = dict(zip(columns["milestone_id"], columns["short_name_en" if lang == "en" else "short_name_zh"]))
    # One dict per cell: a .loc lookup per cell was most of the milestones page's Python
    by_cell = {(cell["region_code"], cell["milestone_id"]): cell for cell in records(cells)}
    z, text = [], []
    for row_code, label in rows.items():
        z_row, text_row = [], []
        for milestone_id in present:
            cell = by_cell.get((row_code, milestone_id))
            if cell is not None:
                z_row.append(order[cell["status"]])
                text_row.append(_hover(cell, lang, label))
            else:
                z_row.append(None)
                text_row.append(f"<b>{label}</b><br>{milestone_id}: {t('ms_not_assigned', lang)}")
        z.append(z_row)
        text.append(text_row)
    # Region names on one line: where they do not fit side by side (a phone, many regions) Plotly turns them upright
    # instead of letting two-line labels pile on each other.
    labels = list(rows.values())
    region_axis = dict(tickvals=list(rows), ticktext=labels)
    milestone_axis = dict(tickvals=present, ticktext=[names[m] for m in present])
    if transpose:
        z, text = [list(col) for col in zip(*z)], [list(col) for col in zip(*text)]
        x_axis, y_axis = region_axis, milestone_axis
    else:
        x_axis, y_axis = milestone_axis, region_axis
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=x_axis["tickvals"],
            y=y_axis["tickvals"],
            zmin=-0.5,
            zmax=len(order) - 0.5,
            colorscale=_discrete_scale(),
            showscale=False,
            xgap=2,
            ygap=2,
            hovertext=text,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    _status_legend(figure, lang, sorted(set(cells["status"]), key=order.get))
    # room for the title, the legend and the axis labels (rotated milestone labels, or wrapped region names)
    height = 220 + 22 * len(present) if transpose else 320 + 30 * len(rows)
    charts.style(figure, height=height)
    # Title, then the legend (spanning the whole width, so it wraps the same on a phone), then the plot.
    charts.update_layout(
        figure,
        title=dict(text=t("heatmap_title", lang), yref="container", y=1 - 10 / height, yanchor="top"),
        legend=dict(
            xref="container",
            x=0,
            yref="container",
            y=1 - 44 / height,
            yanchor="top",
            itemclick=False,
            itemdoubleclick=False,
        ),
        margin=dict(l=10, r=10, t=120, b=10),
        plot_bgcolor="#ffffff",
    )
    charts.update_axes(
        figure,
        "x",
        type="category",
        tickmode="array",
        **x_axis,
        tickangle=None if transpose else -90,  # None: Plotly turns labels that do not fit side by side
        side="top" if transpose else "bottom",
        automargin=True,
        showgrid=False,
    )
    charts.update_axes(figure, "y", type="category", tickmode="array", **y_axis, autorange="reversed", showgrid=False)
    return figure


def status_timeline(points: pd.DataFrame, as_of: str, lang: str) -> go.Figure:
    """The plan's milestones on a date axis at their deadlines, coloured by status, with the as-of date line."""
    figure = go.Figure()
    order = [code for code in status.MILESTONE_STATUSES if code in set(points["status"])]
    for code in order:
        part = points[points["status"] == code]
        figure.add_trace(
            go.Scatter(
                x=part["deadline_date"],
                y=part["item"],
                mode="markers",
                marker=dict(size=13, color=status.MILESTONE_COLORS[code], line=dict(width=1, color="#ffffff")),
                name=status_label(code, lang),
                hovertext=[_hover(row, lang) for row in records(part)],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    height = max(320, 170 + 22 * len(points))
    charts.style(figure, height=height)
    charts.add_date_line(figure, as_of, t("as_of_line", lang, day=as_of))
    # Legend below the date axis (house style) at a fixed distance in pixels, however tall the chart is;
    # the top margin leaves the title and the as-of label a row each.
    margin = dict(l=10, r=10, t=70, b=10)
    charts.update_layout(
        figure,
        title=dict(text=t("timeline_title", lang), y=1 - 12 / height, yanchor="top"),
        legend=dict(y=-70 / (height - margin["t"] - 80), yanchor="top", x=0),
        margin=margin,
    )
    charts.update_axes(
        figure, "y", type="category", categoryorder="array", categoryarray=list(points["item"]), autorange="reversed"
    )
    charts.update_axes(figure, "x", title_text=t("ms_deadline", lang), tickformat="%Y-%m")
    return figure


@dataclass(frozen=True)
class BoardCharts:
    """The milestones page's two charts of a plan in a region, each with the table behind it."""

    heatmap: go.Figure
    cells: pd.DataFrame  # the heatmap's table (board_cells without the status codes)
    timeline: go.Figure
    points: pd.DataFrame  # the timeline's table (timeline_points without the status codes)


@uses(*milestones.PLAN_VIEW_QUERIES)
def board_charts(query: QueryFn, filters: Filters, plan_id: str, milestones_across: bool) -> BoardCharts | None:
    """The status heatmap and the deadline timeline of a plan in the filters' region (None: no board there)."""
    view = milestones.plan_view(query, filters, plan_id)
    if view.board.empty:
        return None
    cells = milestones.board_cells(view.board, view.plan_items, view.labels, filters.lang)
    points = milestones.timeline_points(view.summary, filters.lang)
    return BoardCharts(
        heatmap=status_heatmap(cells, view.plan_items, view.labels, filters.lang, milestones_across=milestones_across),
        cells=cells.drop(columns="status"),
        timeline=status_timeline(points, filters.as_of.isoformat(), filters.lang),
        points=points.drop(columns="status"),
    )
