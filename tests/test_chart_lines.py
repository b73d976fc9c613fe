"""Reference lines across a plot (charts.line_across): the same shapes and labels Plotly's add_hline / add_vline
draw, for every place the pages put them, on a figure with many traces as the monthly charts have."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from enforcement.content import charts


def _figure(traces: int = 12) -> go.Figure:
    return go.Figure([go.Scatter(x=[1, 2, 3], y=[i, i + 1, i + 2], name=f"s{i}") for i in range(traces)])


def _drawn(figure: go.Figure) -> dict:
    layout = figure.to_plotly_json()["layout"]
    return {"shapes": layout.get("shapes", ()), "annotations": layout.get("annotations", ())}


LINE = dict(color="#c62828", dash="dash", width=2)


PLACES = [(True, where) for where in sorted(charts._HLINE_LABEL)] + [
    (False, where) for where in sorted(charts._VLINE_LABEL)
]


@pytest.mark.parametrize(("horizontal", "where"), PLACES)
def test_a_labelled_line_is_what_add_hline_or_add_vline_draws(horizontal, where):
    ours = charts.line_across(_figure(), 87.5, LINE, horizontal, dict(text="目标 ≥ 87.5%", where=where))
    label = dict(annotation_position=" ".join(where), annotation_text="目标 ≥ 87.5%", annotation_font_color="#c62828")
    plotly = _figure()
    if horizontal:
        plotly.add_hline(y=87.5, line=LINE, **label)
    else:  # below the bars, as the rankings draw it
        plotly.add_vline(x=87.5, line=LINE, layer="below", **label)
    assert _drawn(ours) == _drawn(plotly)
    assert len(_drawn(ours)["shapes"]) == 1 and len(_drawn(ours)["annotations"]) == 1


@pytest.mark.parametrize("horizontal", [True, False])
def test_an_unlabelled_line_has_no_annotation(horizontal):
    ours = charts.line_across(_figure(), 50.0, LINE, horizontal)
    plotly = _figure()
    (plotly.add_hline(y=50.0, line=LINE) if horizontal else plotly.add_vline(x=50.0, line=LINE, layer="below"))
    assert _drawn(ours) == _drawn(plotly)
    assert _drawn(ours)["annotations"] == ()


def test_the_target_and_average_lines_keep_their_places():
    figure = charts.add_average_line(charts.add_target_line(_figure(), 90.0, "target"), 80.0, "average")
    annotations = figure.to_plotly_json()["layout"]["annotations"]
    assert [(a["text"], a["x"], a["xanchor"], a["yanchor"]) for a in annotations] == [
        ("target", 0, "left", "bottom"),
        ("average", 1, "right", "top"),
    ]
