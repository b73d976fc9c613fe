"""The pages' charts as PNG images for the report, drawn again with matplotlib (Agg, no display, no browser).

The content functions give every chart as a Plotly figure (what the page draws) and the table of its numbers. The
image is drawn from the figure's own traces, reference lines and notes, so it holds the page's marks and nothing
else: lines, markers, filled areas, horizontal or vertical bars (stacked or overlaid) with their labels, target and
date lines, subplot panels. Hover text and interactivity are dropped. The report font is registered explicitly (a
matplotlib font cache built before the font was installed would otherwise fall back to DejaVu and draw boxes), and
every word an image will hold is returned by ``figure_texts`` so it can be checked against the font first.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from enforcement.reports import fonts

WIDTH_IN = 6.6  # inches: the text width of an A4 page with 2.2 cm margins
PAGE_WIDTH_PX = 760  # the width a page's chart is laid out for, to turn its height into an aspect ratio
DPI = 170
PLOTLY_COLORWAY = ("#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF")
DASHES = {"dash": (0, (5, 3)), "dot": (0, (1.2, 2)), "dashdot": (0, (5, 2, 1, 2)), "longdash": (0, (9, 3))}
MARKERS = {"line-ew": "_", "circle": "o", "square": "s", "diamond": "D", None: "o"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_setup_lock = threading.Lock()
_ready: list[bool] = []


def _setup() -> None:
    """Register the report font with matplotlib once per process (thread-safe; pyplot is never used)."""
    with _setup_lock:
        if _ready:
            return
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib import font_manager

        for face in fonts.report_fonts().values():
            font_manager.fontManager.addfont(str(face.path))
        matplotlib.rcParams.update(
            {
                "font.family": [fonts.FAMILY],
                "font.size": 8.5,
                "axes.unicode_minus": False,
                "axes.spines.top": False,
                "axes.spines.right": False,
                "axes.titlesize": 9.5,
                "legend.fontsize": 7.5,
                "legend.frameon": False,
                "xtick.labelsize": 7.5,
                "ytick.labelsize": 7.5,
            }
        )
        _ready.append(True)


@dataclass(frozen=True)
class Image:
    png: bytes
    aspect: float  # height / width


# ----------------------------------------------------------------------------------------------- reading the figure


def _layout(figure: go.Figure) -> dict[str, Any]:
    return figure.layout.to_plotly_json()


def _traces(figure: go.Figure) -> list[dict[str, Any]]:
    return [trace.to_plotly_json() for trace in figure.data]


def _values(values: Any) -> np.ndarray | None:
    """A trace's x or y as an array: ISO dates become datetimes, numbers floats, anything else text."""
    if values is None:
        return None
    if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        return values
    array = np.asarray(values, dtype=object)
    present = [v for v in array if v is not None and not (isinstance(v, float) and np.isnan(v))]
    if present and all(isinstance(v, str) and _ISO_DAY.match(v) for v in present):
        return pd.to_datetime(pd.Series(array)).to_numpy()
    if present and all(isinstance(v, (int, float, np.integer, np.floating)) for v in present):
        return np.array([np.nan if v is None else float(v) for v in array])
    if present and all(isinstance(v, (np.datetime64, dt.datetime)) for v in present):
        return pd.to_datetime(pd.Series(array)).to_numpy()
    return array


def _is_empty_trace(trace: dict[str, Any]) -> bool:
    """A legend-only trace (x=[None], y=[None]): it explains a colour or a line drawn as a shape."""
    x, y = trace.get("x"), trace.get("y")
    return x is not None and y is not None and all(v is None for v in list(x) + list(y))


def figure_texts(figure: go.Figure) -> Iterator[str]:
    """Every word the image of figure may draw: names, bar labels, text marks, notes, axis titles, categories."""
    layout = _layout(figure)
    for trace in _traces(figure):
        if trace.get("name"):
            yield str(trace["name"])
        text = trace.get("text")
        if isinstance(text, str):
            yield text
        elif text is not None:
            yield from (str(v) for v in text if v is not None)
        for axis in ("x", "y"):
            values = trace.get(axis)
            if values is not None:
                yield from (v for v in values if isinstance(v, str) and not _ISO_DAY.match(v))
    for note in layout.get("annotations", []):
        yield str(note.get("text", ""))
    for key, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", key) and isinstance(axis, dict):
            title = axis.get("title", {})
            yield str(title.get("text") or "") if isinstance(title, dict) else str(title or "")
            yield str(axis.get("ticksuffix") or "")


# ----------------------------------------------------------------------------------------------- drawing


def _width_pt(px: float | None, default: float = 1.5) -> float:
    return 0.75 * float(px if px is not None else default)


def _color(value: Any, fallback: str) -> Any:
    if value is None:
        return fallback
    if isinstance(value, str) and value.startswith("rgba("):
        r, g, b, a = (float(part) for part in value[5:-1].split(","))
        return (r / 255, g / 255, b / 255, a)
    if isinstance(value, str) and value.startswith("rgb("):
        r, g, b = (float(part) for part in value[4:-1].split(","))
        return (r / 255, g / 255, b / 255)
    return value


def _axis_key(ref: str | None, letter: str) -> str:
    """'x2' -> 'xaxis2', 'x' or None -> 'xaxis'."""
    ref = ref or letter
    return f"{letter}axis{ref[1:]}"


def _panels(fig, traces: list[dict[str, Any]], layout: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """One matplotlib axes per Plotly (xaxis, yaxis) pair, laid out on a grid from the axes' domains."""
    pairs = list(dict.fromkeys((_axis_key(t.get("xaxis"), "x"), _axis_key(t.get("yaxis"), "y")) for t in traces))
    if not pairs:
        pairs = [("xaxis", "yaxis")]
    if len(pairs) == 1:
        return {pairs[0]: fig.add_subplot(1, 1, 1)}
    x_domains = sorted({tuple(layout.get(x, {}).get("domain", (0, 1))) for x, _ in pairs})
    y_domains = sorted({tuple(layout.get(y, {}).get("domain", (0, 1))) for _, y in pairs}, reverse=True)
    grid = fig.add_gridspec(len(y_domains), len(x_domains))
    panels = {}
    for x, y in pairs:
        col = x_domains.index(tuple(layout.get(x, {}).get("domain", (0, 1))))
        row = y_domains.index(tuple(layout.get(y, {}).get("domain", (0, 1))))
        panels[(x, y)] = fig.add_subplot(grid[row, col])
    return panels


def _draw_scatter(ax, trace: dict[str, Any], color: str, label: str | None) -> None:
    x, y = _values(trace.get("x")), _values(trace.get("y"))
    mode = trace.get("mode") or ("lines+markers" if len(x) < 20 else "lines")
    line = trace.get("line") or {}
    marker = trace.get("marker") or {}
    alpha = trace.get("opacity")
    color = _color(line.get("color") or (marker.get("color") if isinstance(marker.get("color"), str) else None), color)
    if "lines" in mode:
        ax.plot(
            x,
            y,
            color=color,
            linewidth=_width_pt(line.get("width"), 2),
            linestyle=DASHES.get(line.get("dash"), "-"),
            alpha=alpha,
            label=label,
            marker="o" if "markers" in mode else None,
            markersize=0.6 * float(marker.get("size") or 5),
        )
        label = None
    elif "markers" in mode:
        symbol = MARKERS.get(marker.get("symbol"), "o")
        size = float(marker.get("size") or 6)
        edge = (marker.get("line") or {}).get("color")
        colors = marker.get("color")
        face = [_color(c, color) for c in colors] if isinstance(colors, (list, tuple)) else _color(colors, color)
        if symbol == "_":
            ax.scatter(
                x,
                y,
                marker=symbol,
                s=(0.55 * size) ** 2,
                linewidths=_width_pt((marker.get("line") or {}).get("width"), 2),
                color=_color(edge, color),
                label=label,
                zorder=4,
            )
        else:
            paint = {"c": face} if isinstance(face, list) else {"color": face}
            ax.scatter(
                x,
                y,
                marker=symbol,
                s=(0.75 * size) ** 2,
                edgecolors=_color(edge, "none"),
                linewidths=0.4,
                alpha=alpha,
                label=label,
                zorder=3,
                **paint,
            )
        label = None
    if trace.get("fill") in ("tozeroy", "tonexty"):
        ax.fill_between(x, y, 0, color=color, alpha=0.22, linewidth=0)
    if "text" in mode and trace.get("text") is not None:
        font = trace.get("textfont") or {}
        for xv, yv, text in zip(x, y, trace["text"], strict=False):
            if text:
                ax.annotate(
                    str(text),
                    (xv, yv),
                    xytext=(0, 5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    color=_color(font.get("color"), "#333333"),
                )


def _draw_bars(ax, trace: dict[str, Any], color: str, label: str | None, stack: dict, barmode: str) -> None:
    horizontal = trace.get("orientation") == "h"
    x, y = _values(trace.get("x")), _values(trace.get("y"))
    categories, lengths = (y, x) if horizontal else (x, y)
    lengths = np.nan_to_num(np.asarray(lengths, dtype=float))
    marker = trace.get("marker") or {}
    colors = marker.get("color")
    face = [_color(c, color) for c in colors] if isinstance(colors, (list, tuple)) else _color(colors, color)
    opacity = marker.get("opacity")
    keys = [str(c) for c in categories]
    base = np.array([stack.get(k, 0.0) for k in keys]) if barmode == "stack" else np.zeros(len(keys))
    draw = ax.barh if horizontal else ax.bar
    size = {"height": 0.62} if horizontal else {"width": 0.62}
    bars = draw(
        [str(c) for c in categories],
        lengths,
        color=face,
        label=label,
        **({"left": base} if horizontal else {"bottom": base}),
        **size,
    )
    if isinstance(opacity, (list, tuple)):
        for bar, a in zip(bars, opacity, strict=False):
            bar.set_alpha(a)
    if barmode == "stack":
        for key, length in zip(keys, lengths, strict=True):
            stack[key] = stack.get(key, 0.0) + length
    text = trace.get("text")
    if text is not None and not isinstance(text, str):
        labels = ["" if t is None else str(t) for t in text]
        inside = trace.get("textposition") in ("inside", None)
        ax.bar_label(
            bars,
            labels=labels,
            label_type="center" if inside else "edge",
            fontsize=7,
            color="white" if inside else "#333333",
            padding=0 if inside else 2,
        )


def _ref_transform(ax, xref: str | None, yref: str | None):
    from matplotlib.transforms import blended_transform_factory

    x_axes = xref is not None and ("domain" in xref or xref == "paper")
    y_axes = yref is not None and ("domain" in yref or yref == "paper")
    return blended_transform_factory(ax.transAxes if x_axes else ax.transData, ax.transAxes if y_axes else ax.transData)


def _coordinate(value: Any, ref: str | None) -> Any:
    if isinstance(value, str) and _ISO_DAY.match(value) and not (ref and ("domain" in ref or ref == "paper")):
        from matplotlib import dates

        return dates.date2num(pd.Timestamp(value).to_pydatetime())
    return value


def _panel_for(panels: dict, xref: str | None, yref: str | None):
    """The panel a shape or note refers to ('x2', 'y2 domain' → the x2/y2 panel); the first for 'paper'."""
    x_key = _axis_key((xref or "x").split()[0], "x") if xref and xref != "paper" else None
    y_key = _axis_key((yref or "y").split()[0], "y") if yref and yref != "paper" else None
    for (x, y), ax in panels.items():
        if (x_key is None or x == x_key) and (y_key is None or y == y_key):
            return ax
    return next(iter(panels.values()))


def _draw_shapes(panels: dict, layout: dict[str, Any]) -> None:
    for shape in layout.get("shapes", []):
        if shape.get("type") != "line":
            continue
        line = shape.get("line") or {}
        xref, yref = shape.get("xref"), shape.get("yref")
        ax = _panel_for(panels, xref, yref)
        xs = [_coordinate(shape.get("x0"), xref), _coordinate(shape.get("x1"), xref)]
        ys = [_coordinate(shape.get("y0"), yref), _coordinate(shape.get("y1"), yref)]
        ax.plot(
            xs,
            ys,
            transform=_ref_transform(ax, xref, yref),
            color=_color(line.get("color"), "#555555"),
            linewidth=_width_pt(line.get("width"), 2),
            linestyle=DASHES.get(line.get("dash"), "-"),
            zorder=2,
            scalex=False,
            scaley=False,
        )


def _draw_notes(panels: dict, layout: dict[str, Any]) -> None:
    """Annotations: a subplot title becomes its panel's title; the others are placed where Plotly puts them."""
    axes = list(panels.items())
    for note in layout.get("annotations", []):
        text = str(note.get("text", ""))
        xref, yref = note.get("xref"), note.get("yref")
        font = note.get("font") or {}
        if len(axes) > 1 and xref == "paper" and yref == "paper":
            for (x_key, y_key), ax in axes:
                x_domain = layout.get(x_key, {}).get("domain", (0, 1))
                y_domain = layout.get(y_key, {}).get("domain", (0, 1))
                if x_domain[0] <= float(note["x"]) <= x_domain[1] and abs(float(note["y"]) - y_domain[1]) < 0.02:
                    ax.set_title(text, fontsize=8.5)
                    break
            continue
        ha = {"left": "left", "right": "right", "center": "center"}.get(note.get("xanchor"), "center")
        va = {"top": "top", "bottom": "bottom", "middle": "center"}.get(note.get("yanchor"), "center")
        ax = _panel_for(panels, xref, yref)
        ax.text(
            _coordinate(note.get("x", 0), xref),
            _coordinate(note.get("y", 0), yref),
            text,
            transform=_ref_transform(ax, xref, yref),
            ha=ha,
            va=va,
            fontsize=7,
            color=_color(font.get("color"), "#333333"),
            clip_on=False,
        )


def _style_axes(panels: dict, layout: dict[str, Any], traces: list[dict[str, Any]]) -> None:
    from matplotlib import dates, ticker

    for (x_key, y_key), ax in panels.items():
        for key, axis in ((x_key, ax.xaxis), (y_key, ax.yaxis)):
            spec = layout.get(key, {})
            letter = key[0]
            title = spec.get("title") or {}
            title_text = title.get("text") if isinstance(title, dict) else title
            if title_text:
                (ax.set_xlabel if letter == "x" else ax.set_ylabel)(title_text, fontsize=8)
            if spec.get("visible") is False:
                axis.set_visible(False)
            value_range = spec.get("range")
            if value_range and all(v is not None for v in value_range):
                lo, hi = (_coordinate(v, None) for v in value_range)
                (ax.set_xlim if letter == "x" else ax.set_ylim)(lo, hi)
            elif spec.get("rangemode") == "tozero":
                (ax.set_xlim if letter == "x" else ax.set_ylim)(left=0) if letter == "x" else ax.set_ylim(bottom=0)
            if spec.get("autorange") == "reversed":
                (ax.invert_xaxis if letter == "x" else ax.invert_yaxis)()
            suffix = spec.get("ticksuffix")
            if suffix:
                axis.set_major_formatter(ticker.FuncFormatter(lambda v, _p, s=suffix: f"{v:g}{s}"))
            elif spec.get("tickformat") == ",":
                axis.set_major_formatter(ticker.FuncFormatter(lambda v, _p: f"{v:,.0f}"))
            if spec.get("showticklabels") is False:
                axis.set_tick_params(labelbottom=False) if letter == "x" else axis.set_tick_params(labelleft=False)
        if any(
            np.issubdtype(np.asarray(_values(t.get("x"))).dtype, np.datetime64)
            for t in traces
            if t.get("x") is not None
        ):
            narrow = ax.get_subplotspec().get_gridspec().ncols > 1
            ax.xaxis.set_major_locator(dates.MonthLocator(bymonth=(1, 7)) if narrow else dates.AutoDateLocator())
            ax.xaxis.set_major_formatter(dates.DateFormatter("%Y-%m"))
        ax.grid(axis="y" if not _horizontal(traces) else "x", alpha=0.25, linewidth=0.6)
        ax.tick_params(length=2.5)


def _horizontal(traces: list[dict[str, Any]]) -> bool:
    return any(t.get("type") == "bar" and t.get("orientation") == "h" for t in traces)


def _order_categories(panels: dict, layout: dict[str, Any]) -> list[str] | None:
    """A category order the figure fixes (categoryarray), applied by drawing an invisible first bar set."""
    for (_, y_key), _ax in panels.items():
        order = layout.get(y_key, {}).get("categoryarray")
        if order:
            return [str(v) for v in order]
    return None


def aspect_of(figure: go.Figure) -> float:
    """Height / width of the image of figure: the page's height for its usual width, within sensible bounds."""
    height_px = figure.layout.height or 400
    return min(0.95, max(0.42, float(height_px) / PAGE_WIDTH_PX))


def render(figure: go.Figure, *, mark: str | None = None, aspect: float | None = None) -> Image:
    """The figure as a PNG image, WIDTH_IN wide; mark (the sample notice) is written into the image's corner."""
    _setup()
    from matplotlib.figure import Figure

    layout = _layout(figure)
    traces = [t for t in _traces(figure) if t.get("visible", True) is not False]
    aspect = aspect or aspect_of(figure)
    fig = Figure(figsize=(WIDTH_IN, WIDTH_IN * aspect), dpi=DPI, layout="constrained")
    panels = _panels(fig, traces, layout)
    order = _order_categories(panels, layout) if _horizontal(traces) else None
    if order:
        ax = next(iter(panels.values()))
        ax.barh(order, [0] * len(order), height=0.62)  # fixes the category positions in the page's order
    barmode = layout.get("barmode") or "group"
    stacks: dict[tuple[str, str], dict] = {}
    palette = iter(PLOTLY_COLORWAY * 8)
    legend_entries = 0
    for trace in traces:
        key = (_axis_key(trace.get("xaxis"), "x"), _axis_key(trace.get("yaxis"), "y"))
        ax = panels.get(key) or next(iter(panels.values()))
        color = next(palette)
        shown = trace.get("showlegend") is not False and bool(trace.get("name"))
        label = str(trace["name"]) if shown else None
        legend_entries += bool(label)
        if _is_empty_trace(trace):
            if label:
                kind = trace.get("type")
                line = trace.get("line") or {}
                marker = trace.get("marker") or {}
                if kind == "bar":
                    ax.bar([], [], color=_color(marker.get("color"), color), label=label)
                else:
                    ax.plot(
                        [],
                        [],
                        color=_color(line.get("color"), color),
                        linestyle=DASHES.get(line.get("dash"), "-"),
                        label=label,
                    )
            continue
        if trace.get("type") == "bar":
            _draw_bars(ax, trace, color, label, stacks.setdefault(key, {}), barmode)
        else:
            _draw_scatter(ax, trace, color, label)
    _draw_shapes(panels, layout)
    _draw_notes(panels, layout)
    _style_axes(panels, layout, traces)
    if legend_entries > 1 or (legend_entries == 1 and len(panels) == 1 and barmode == "stack"):
        handles, labels = [], []
        for ax in panels.values():
            h, lbl = ax.get_legend_handles_labels()
            handles += h
            labels += lbl
        longest = max((len(lbl) for lbl in labels), default=4)
        columns = max(1, min(len(labels), int(44 / max(4, longest + 2))))
        fig.legend(handles, labels, loc="outside lower center", ncols=columns, handlelength=1.8, columnspacing=1.2)
    if mark:
        fig.suptitle(mark, x=0.005, ha="left", fontsize=7, color="#c00000")
        fig.text(
            0.5,
            0.5,
            mark,
            ha="center",
            va="center",
            fontsize=30,
            color="#c00000",
            alpha=0.07,
            rotation=22,
            fontweight="bold",
        )
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return Image(buffer.getvalue(), aspect)
