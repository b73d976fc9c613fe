"""Chart conventions shared by every page: font, margins, target and average lines, status colours.

Plotly figures only; no Streamlit here (the page helpers in enforcement/ui draw them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BasePlotlyType

from enforcement.rules import status

FONT_FAMILY = "NotoSansSC, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
TARGET_COLOR = "#c62828"
AVERAGE_COLOR = "#455a64"
AS_OF_COLOR = "#6a1b9a"
MUTED_COLOR = "#757575"  # text that says a value is missing
TEXT_COLOR = "#444444"  # Plotly's own for a number beside a bar
# The smallest label a chart draws inside a tile or bar (px): below it a label is hidden and left to the hover.
SMALLEST_LABEL_PX = 10


# ----------------------------------------------------------------------------------------------- updates
# Figure.update_layout / update_xaxes / update_traces wrap each call in batch_update, which records every changed
# property and replays it as a relayout path for FigureWidget's sync (3-9 ms a call). A figure sent to Streamlit
# never syncs, so the builders merge their properties into the objects directly: the same validation and the same
# result (tests/test_chart_updates.py holds them equal to Plotly's own methods).


def _merge(target: BasePlotlyType, props: Mapping[str, Any]) -> None:
    """Merge props into a Plotly object as its update() does: a dict into a nested object merges key by key, any
    other value replaces (None leaves an object out, where update() leaves it empty, {}: the same drawing). Keys may
    be Plotly's magic underscore paths (title_text)."""
    for key, value in props.items():
        if isinstance(value, Mapping):
            child = target[key]
            if isinstance(child, BasePlotlyType):
                _merge(child, value)
                continue
        target[key] = value


def update_layout(figure: go.Figure, **props: Any) -> go.Figure:
    """figure.update_layout(**props), without batch_update."""
    _merge(figure.layout, props)
    return figure


def update_axes(figure: go.Figure, axis: str, **props: Any) -> go.Figure:
    """figure.update_xaxes(**props) (axis 'x') or update_yaxes (axis 'y'): every such axis, each subplot's too."""
    for each in figure.select_xaxes() if axis == "x" else figure.select_yaxes():
        _merge(each, props)
    return figure


def update_traces(figure: go.Figure, **props: Any) -> go.Figure:
    """figure.update_traces(**props): every trace."""
    for trace in figure.data:
        _merge(trace, props)
    return figure


def update_annotations(figure: go.Figure, **props: Any) -> go.Figure:
    """figure.update_annotations(**props): every annotation (a subplot's title is one)."""
    for annotation in figure.layout.annotations:
        _merge(annotation, props)
    return figure


def two_lines(label: str, width: int) -> str:
    """An axis label longer than width on two lines, broken at the space nearest its middle (a label without a space,
    as a Chinese name, stays whole). Unlike a hover's text, wrapped to a width on as many lines as it takes, an axis
    row holds two lines at most."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if len(label) <= width or not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}<br>{label[cut + 1 :]}"


def style(figure: go.Figure, height: int = 380) -> go.Figure:
    """Apply the house style: CJK font, compact margins, legend below the plot, the tool bar down the right edge
    (across the top it covers a title drawn in the chart on a phone's width)."""
    return update_layout(
        figure,
        font=dict(family=FONT_FAMILY),
        height=height,
        margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.18, xanchor="left", x=0, title=dict(text="")),
        hoverlabel=dict(font=dict(family=FONT_FAMILY)),
        modebar=dict(orientation="v"),
    )


# Where a reference line's label sits, as Plotly's add_hline / add_vline place it for the positions used here:
# (x, y, xanchor, yanchor) in the axis domain (0-1) across the line, and "value" for the line's own coordinate.
_HLINE_LABEL = {
    ("top", "left"): (0, "value", "left", "bottom"),
    ("bottom", "right"): (1, "value", "right", "top"),
}
_VLINE_LABEL = {
    ("top", "right"): ("value", 1, "left", "top"),
    ("bottom", "right"): ("value", 0, "left", "bottom"),
}


def line_across(figure: go.Figure, value: float, line: dict, horizontal: bool = True, label: dict | None = None):
    """A line across the whole plot at a value (as Figure.add_hline / add_vline draw it, without their cost: they
    look through every trace for empty subplots, ~5-9 ms a line): horizontal at a y value, vertical at an x value,
    where a vertical line goes below the bars. label: the annotation's text and its place across the line (where, a
    key of _HLINE_LABEL or _VLINE_LABEL), written in the line's colour."""
    if horizontal:
        shape = dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=value, y1=value, line=line)
    else:
        shape = dict(type="line", xref="x", x0=value, x1=value, yref="y domain", y0=0, y1=1, line=line, layer="below")
    figure.add_shape(shape)
    if label is not None:
        places = _HLINE_LABEL if horizontal else _VLINE_LABEL
        x, y, xanchor, yanchor = places[label["where"]]
        figure.add_annotation(
            x=value if x == "value" else x,
            y=value if y == "value" else y,
            xref="x domain" if horizontal else "x",
            yref="y" if horizontal else "y domain",
            xanchor=xanchor,
            yanchor=yanchor,
            showarrow=False,
            text=label["text"],
            font=dict(color=line["color"]),
        )
    return figure


def _reference_line(figure: go.Figure, value: float, label: str, horizontal: bool, color: str, dash: str, where):
    """A labelled line across the plot at a value: horizontal for y values, vertical for x values. A vertical line
    across bars goes below them, so that their value labels stay readable."""
    place = (where[0], where[1] if horizontal else where[2])
    return line_across(figure, value, dict(color=color, dash=dash, width=2), horizontal, dict(text=label, where=place))


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
