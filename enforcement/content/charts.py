"""Chart conventions shared by every page: font, margins, target and average lines, status colours.

Plotly figures only; no Streamlit here (the page helpers in enforcement/ui draw them).
"""

from __future__ import annotations

import plotly.graph_objects as go

from enforcement.rules import status

FONT_FAMILY = "NotoSansSC, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
TARGET_COLOR = "#c62828"
AVERAGE_COLOR = "#455a64"
AS_OF_COLOR = "#6a1b9a"
MUTED_COLOR = "#757575"  # text that says a value is missing
# The smallest label a chart draws inside a tile or bar (px): below it a label is hidden and left to the hover.
SMALLEST_LABEL_PX = 10


def style(figure: go.Figure, height: int = 380) -> go.Figure:
    """Apply the house style: CJK font, compact margins, legend below the plot, the tool bar down the right edge
    (across the top it covers a title drawn in the chart on a phone's width)."""
    figure.update_layout(
        font_family=FONT_FAMILY,
        height=height,
        margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.18, xanchor="left", x=0, title_text=""),
        hoverlabel=dict(font_family=FONT_FAMILY),
        modebar=dict(orientation="v"),
    )
    return figure


def _reference_line(figure: go.Figure, value: float, label: str, horizontal: bool, color: str, dash: str, where: str):
    """A labelled line across the plot at a value: horizontal for y values, vertical for x values. A vertical line
    across bars goes below them, so that their value labels stay readable."""
    line = dict(color=color, dash=dash, width=2)
    label_style = dict(annotation_text=label, annotation_font_color=color)
    if horizontal:
        figure.add_hline(y=value, line=line, annotation_position=f"{where[0]} {where[1]}", **label_style)
    else:
        figure.add_vline(x=value, line=line, layer="below", annotation_position=f"{where[0]} {where[2]}", **label_style)
    return figure


def add_target_line(figure: go.Figure, value: float, label: str, horizontal: bool = True) -> go.Figure:
    """A dashed red line at the target value, labelled at its top (left on a horizontal line, right on a vertical)."""
    return _reference_line(figure, value, label, horizontal, TARGET_COLOR, "dash", ("top", "left", "right"))


def add_average_line(figure: go.Figure, value: float, label: str, horizontal: bool = True) -> go.Figure:
    """A dotted grey line at an average (e.g. the parent region's), labelled at its bottom right."""
    return _reference_line(figure, value, label, horizontal, AVERAGE_COLOR, "dot", ("bottom", "right", "right"))


def add_date_line(figure: go.Figure, day: str, label: str) -> go.Figure:
    """A vertical line at a date (the as-of date on timelines). day is ISO 'YYYY-MM-DD'."""
    figure.add_shape(type="line", x0=day, x1=day, y0=0, y1=1, yref="paper", line=dict(color=AS_OF_COLOR, width=2))
    figure.add_annotation(
        x=day, y=1, yref="paper", text=label, showarrow=False, yanchor="bottom", font=dict(color=AS_OF_COLOR)
    )
    return figure


def status_color_map(label_of) -> dict[str, str]:
    """Plotly color_discrete_map for milestone statuses, keyed by their displayed labels."""
    return {label_of(code): color for code, color in status.MILESTONE_COLORS.items()}
