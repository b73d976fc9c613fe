"""The builders' property updates (charts.update_layout, update_axes, update_traces, update_annotations) give the
figure Plotly's own Figure.update_* methods give: nested objects merged key by key, magic underscore paths, every
subplot's axes, every trace, and the same validation."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from enforcement.content import charts


def _plain() -> go.Figure:
    figure = go.Figure([go.Scatter(x=[1, 2, 3], y=[i, i + 1, i + 3], name=f"s{i}") for i in range(6)])
    # set before the update: a merge keeps what the update does not name
    figure.layout.legend.bgcolor = "#eeeeee"
    figure.layout.margin.pad = 3
    figure.layout.yaxis.ticksuffix = "%"
    figure.layout.xaxis.title.text = "月份"
    return figure


def _panels() -> go.Figure:
    figure = make_subplots(rows=2, cols=2, subplot_titles=["处罚", "检查", "许可", "强制"])
    for i in range(4):
        figure.add_trace(go.Bar(x=["2024-01", "2024-02"], y=[i, i + 2]), row=i // 2 + 1, col=i % 2 + 1)
    return figure


LAYOUT = dict(
    font_family="NotoSansSC",
    height=420,
    margin=dict(l=10, r=10, t=40, b=10),
    legend=dict(orientation="h", y=-0.18, title_text=""),
    title=dict(text="标题", x=0, xanchor="left"),
    barmode="overlay",
    xaxis_title="年度",
)


@pytest.mark.parametrize("make", [_plain, _panels])
def test_update_layout_is_plotlys(make):
    assert charts.update_layout(make(), **LAYOUT).to_dict() == make().update_layout(**LAYOUT).to_dict()


@pytest.mark.parametrize("make", [_plain, _panels])
@pytest.mark.parametrize("axis", ["x", "y"])
def test_update_axes_reaches_every_subplot_like_plotly(make, axis):
    props = dict(tickformat=",", rangemode="tozero", title_text="%", range=[0, 105], title=dict(font=dict(size=11)))
    ours = charts.update_axes(make(), axis, **props).to_dict()
    assert ours == (make().update_xaxes(**props) if axis == "x" else make().update_yaxes(**props)).to_dict()
    axes = [key for key in ours["layout"] if key.startswith(axis + "axis")]
    assert axes and all(ours["layout"][key]["tickformat"] == "," for key in axes)


@pytest.mark.parametrize("make", [_plain, _panels])
def test_update_traces_and_annotations_are_plotlys(make):
    props = dict(hovertemplate="%{x}: %{y}<extra></extra>", opacity=0.75)
    assert charts.update_traces(make(), **props).to_dict() == make().update_traces(**props).to_dict()
    assert (
        charts.update_annotations(make(), font_size=13).to_dict() == make().update_annotations(font_size=13).to_dict()
    )


def test_an_invalid_property_is_refused_as_plotly_refuses_it():
    with pytest.raises(ValueError):
        charts.update_layout(_plain(), height=3)
    with pytest.raises(ValueError):
        charts.update_axes(_plain(), "x", tickformatt=",")


def test_no_figure_is_updated_through_plotlys_batch_methods_outside_charts():
    """Every builder goes through the helpers above: a Figure.update_* or add_hline call elsewhere pays its cost on
    every new view again."""
    batch_methods = re.compile(
        r"(?<!charts)\.(update_(layout|xaxes|yaxes|traces|annotations|shapes)|add_[hv](line|rect))\("
    )
    package = Path(charts.__file__).parents[1]
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path != Path(charts.__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if batch_methods.search(line)
    ]
    assert not offenders, f"use charts.update_layout / update_axes / update_traces / line_across: {offenders}"
