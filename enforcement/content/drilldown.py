"""The regions page: rank the children of a region on one indicator, drill down by a click, go back up a breadcrumb.

Pure functions over the named queries' results (indicators_by_child, subtree_milestone_counts,
subtree_indicator_tiles, region_lineage), testable without Streamlit; the page only draws what they return.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.colors
import plotly.graph_objects as go

from enforcement.content import charts, indicators, scorecard, uses
from enforcement.i18n import region_name, t
from enforcement.rules import status
from enforcement.rules.filters import Filters

# A ranking on milestones as well as on the statistics: the share of items overdue or behind 序时进度.
MILESTONE_INDICATOR = "milestone_lagging_share"
DEFAULT_INDICATOR = MILESTONE_INDICATOR
NO_DATA_COLOR = "#e0e0e0"


@dataclass(frozen=True)
class Indicator:
    """What the page needs to know about the chosen indicator."""

    key: str
    name: str
    unit: str
    higher_is_better: bool
    definition: str
    sources: tuple[str, ...] = ()  # the fact tables its formula reads (none for milestone indicators)


def indicator_options(catalog: pd.DataFrame) -> list[str]:
    """Indicators one can rank on: milestone lagging first, then the overview's indicators, then the others."""
    stats = catalog.loc[catalog["computed_from"] == "statistics", "indicator_key"].tolist()
    first = [key for key in (*scorecard.KPI_INDICATORS, *scorecard.TRAINING_HOURS_PARTS) if key in stats]
    return [MILESTONE_INDICATOR, *first, *[key for key in stats if key not in first]]


def default_indicator(plans: pd.DataFrame, options: list[str]) -> str:
    """What the page ranks on when the link names no indicator: milestones where a plan concerns the region
    (plans_for_region: governing it or issued inside it), else the first statistics indicator (a region outside every
    plan has no milestone items to rank on)."""
    return DEFAULT_INDICATOR if not plans.empty else next(key for key in options if key != MILESTONE_INDICATOR)


def parse_indicator(value: object, options: list[str]) -> str:
    """The indicator named in the URL if it is a known one, else the default (never an unchecked identifier)."""
    if isinstance(value, list):
        value = value[-1] if value else None
    return value if isinstance(value, str) and value in options else DEFAULT_INDICATOR


def indicator(key: str, catalog: pd.DataFrame, lang: str = "zh") -> Indicator:
    if key == MILESTONE_INDICATOR:
        return Indicator(key, t("ind_milestone_lagging", lang), "%", False, t("ind_milestone_lagging_def", lang))
    row = catalog.set_index("indicator_key").loc[key]
    return Indicator(
        key,
        row["name_en"] if lang == "en" else row["name_zh"],
        row["unit"],
        bool(row["higher_is_better"]),
        row["definition_en"] if lang == "en" else row["definition"],
        tuple(row["sources"]),
    )


# ----------------------------------------------------------------------------------------------- ranking

RANKING_COLUMNS = [
    "region_code",
    "region_name",
    "value",
    "numerator",
    "denominator",
    "target_text",
    "judgement",
    "judgement_label",
]


def _milestone_rows(counts: pd.DataFrame) -> pd.DataFrame:
    """Lagging share per child and for the whole subtree, in the columns of indicators_by_child."""
    regions = scorecard.region_milestones(counts[counts["depth"] <= 1])
    return pd.DataFrame(
        {
            "scope": regions["depth"].map({0: "total", 1: "child"}),
            "region_code": regions["region_code"],
            "region_name": regions["region_name"],
            "value": regions["lagging_share"],
            "numerator": regions["lagging_items"],
            "denominator": regions["items"],
            "judgement": regions["judgement"],
        }
    )


def ranking(
    key: str,
    values: pd.DataFrame | None,
    counts: pd.DataFrame | None,
    lang: str = "zh",
    higher_is_better: bool = True,
) -> tuple[pd.DataFrame, pd.Series | None]:
    """The children of a region on one indicator, worst first (no data last), and the region's own row (the parent).

    values: indicators_by_child (statistics indicators); counts: subtree_milestone_counts (the milestone one).
    """
    if key == MILESTONE_INDICATOR:
        rows = _milestone_rows(counts)
        rows["target_text"] = t("ind_milestone_target", lang)
        higher_is_better = False
    else:
        rows = values[values["indicator_key"] == key].copy()
        parent = rows[rows["scope"] == "total"]
        parent_name = parent["region_name"].iloc[0] if not parent.empty else None
        rows["judgement"] = [indicators.judge(row) for row in indicators.row_records(rows)]
        rows["target_text"] = [indicators.target_text(row, lang, parent_name) for row in indicators.row_records(rows)]
    rows["judgement_label"] = [_judgement_label(key, j, lang) for j in rows["judgement"]]
    rows["region_name"] = [
        region_name(c, n, lang) for c, n in zip(rows["region_code"], rows["region_name"], strict=True)
    ]
    parent_rows = rows[rows["scope"] == "total"]
    parent = parent_rows.iloc[0] if not parent_rows.empty else None
    children = rows[rows["scope"] == "child"].copy()
    children["_missing"] = children["value"].isna()
    children = children.sort_values(
        ["_missing", "value", "region_code"], ascending=[True, higher_is_better, True], na_position="last"
    )
    extra = [c for c in children.columns if c not in RANKING_COLUMNS and c not in ("_missing", "scope")]
    return children[RANKING_COLUMNS + extra].reset_index(drop=True), parent


def _judgement_label(key: str, judgement: str, lang: str) -> str:
    if key == MILESTONE_INDICATOR:
        return t(f"milestone_judgement_{judgement}", lang)
    return indicators.judgement_label(judgement, lang)


def common_target(rows: pd.DataFrame) -> tuple[str, float] | None:
    """(comparator, value) when every ranked child with a target in force has the same fixed target, else None."""
    if "target_id" not in rows.columns:
        return None
    due = rows[rows["target_id"].notna() & rows["is_target_due"].fillna(False).astype(bool)]
    if due.empty or (due["comparator"] == "below_parent_avg").any():
        return None
    pairs = set(zip(due["comparator"], due["target_value"].astype(float), strict=True))
    return pairs.pop() if len(pairs) == 1 else None


def display_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The ranking as shown and downloaded: code as text, name, value, numerator, denominator, target, status."""
    table = rows[["region_code", "region_name", "value", "numerator", "denominator", "target_text", "judgement_label"]]
    table = table.rename(columns={"judgement_label": "status_label"})
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.assign(value=indicators.shown_column(table["value"]))


# ----------------------------------------------------------------------------------------------- drill-down


def drill_target(selection: object, child_codes: list[str] | set[str]) -> str | None:
    """The child region a chart selection means (its code from the clicked point's custom data), or None.

    Anything else (no selection, a stale selection from another level, malformed points) means no drill-down.
    """
    if not isinstance(selection, Mapping):
        return None
    inner = selection.get("selection", selection)
    points = inner.get("points") if isinstance(inner, Mapping) else None
    if not points:
        return None
    allowed = set(child_codes)
    for point in points:
        if not isinstance(point, Mapping):
            continue
        custom = point.get("customdata")
        code = custom[0] if isinstance(custom, (list, tuple)) and custom else custom
        if isinstance(code, str) and code in allowed:
            return code
    return None


def breadcrumb(lineage: pd.DataFrame, lang: str = "zh") -> list[tuple[str, str]]:
    """(code, name) from 全国 down to the region (region_lineage rows, root first)."""
    crumbs = []
    for code, name in zip(lineage["region_code"], lineage["region_name"], strict=True):
        crumbs.append((code, region_name(code, name, lang)))
    return crumbs


# ----------------------------------------------------------------------------------------------- figures


def parent_is_target(rows: pd.DataFrame) -> bool:
    """Whether the children's target is to stay below their parent's average (the parent line is the target)."""
    return "comparator" in rows.columns and bool((rows["comparator"] == "below_parent_avg").any())


def target_caption(rows: pd.DataFrame, lang: str = "zh") -> str:
    """What the children are held to, and says who (markdown): one target, a target per plan, or none."""
    if "target_id" not in rows.columns:
        return t("rg_target", lang, target=t("ind_milestone_target", lang))
    with_target = rows[rows["target_id"].notna()]
    if with_target.empty:
        return t("rg_target", lang, target=t("kpi_no_target", lang)) + " — " + t("rg_no_target_help", lang)
    if with_target["target_id"].nunique() == 1 or common_target(rows) is not None or parent_is_target(rows):
        first = with_target.iloc[0]
        return t("rg_target", lang, target=first["target_text"]) + "\n\n" + indicators.target_source(first, lang)
    return t("rg_targets_differ", lang)


def ranking_figure(rows: pd.DataFrame, parent: pd.Series | None, info: Indicator, lang: str = "zh") -> go.Figure:
    """Horizontal bars, worst at the top, coloured by target status, with the target and the parent average lines.

    Each bar carries its region code as custom data (what a click selects).
    """
    below_parent = parent_is_target(rows)
    order = rows["region_name"].tolist()
    all_codes = rows["region_code"].tolist()
    missing = rows[rows["value"].isna()]
    rows = rows[rows["value"].notna()]
    figure = go.Figure()
    unit = indicators.unit_label(info.unit, lang)
    for judgement in indicators.JUDGEMENTS:
        part = rows[rows["judgement"] == judgement]
        if part.empty:
            continue
        label = part["judgement_label"].iloc[0]
        figure.add_trace(
            go.Bar(
                x=part["value"].fillna(0),
                y=part["region_name"],
                orientation="h",
                name=label,
                marker_color=indicators.rag_color(judgement),
                customdata=part[["region_code", "numerator", "denominator", "target_text"]].to_numpy(),
                text=[indicators.format_value(v, info.unit, lang) for v in part["value"]],
                textposition="outside",
                # a bar of 0 has no width to show its colour: its number carries it (0 % against a target of 100 %
                # is the worst there is, not a neutral grey)
                textfont=dict(
                    color=[indicators.rag_color(judgement) if v == 0 else charts.TEXT_COLOR for v in part["value"]]
                ),
                cliponaxis=False,
                hovertemplate=(
                    "<b>%{y}</b><br>"
                    + t("hover_value", lang)
                    + " %{text}<br>"
                    + t("hover_numbers", lang)
                    + " %{customdata[1]:,.0f} / %{customdata[2]:,.0f}<br>"
                    + t("target", lang)
                    + " %{customdata[3]}<extra>"
                    + label
                    + "</extra>"
                ),
            )
        )
    target = common_target(rows)
    if target is not None:
        comparator, value = target
        sign = {">=": "≥", "<=": "≤"}.get(comparator, comparator)
        charts.add_target_line(
            figure,
            value,
            f"{t('target', lang)} {sign} {indicators.format_value(value, info.unit, lang)}",
            horizontal=False,
        )
    elif "comparator" in rows.columns and rows["comparator"].notna().any() and not below_parent:
        _target_marks(figure, rows, lang)
    if parent is not None and pd.notna(parent["value"]):
        label_key = "parent_average_is_target" if below_parent else "parent_average_named"
        charts.add_average_line(
            figure,
            float(parent["value"]),
            t(
                label_key,
                lang,
                name=parent["region_name"],
                value=indicators.format_value(parent["value"], info.unit, lang),
            ),
            horizontal=False,
        )
    marks = [*rows["value"].dropna(), *([target[1]] if target else [])]
    if parent is not None and pd.notna(parent["value"]):
        marks.append(float(parent["value"]))
    top = max([float(v) for v in marks if pd.notna(v)], default=1.0) or 1.0
    if not missing.empty:
        figure.add_trace(
            go.Bar(
                x=[0] * len(missing),
                y=missing["region_name"],
                orientation="h",
                name=t("judgement_no_data", lang),
                marker_color=NO_DATA_COLOR,
                text=[t("judgement_no_data", lang)] * len(missing),
                textposition="outside",
                cliponaxis=False,
                hoverinfo="skip",
            )
        )
    _click_targets(figure, order, all_codes, top * 1.15)
    charts.update_axes(figure, "x", range=[0, top * 1.15])
    _labels_above(figure, top * 1.15)
    # A row for every region listed, those without data too: each name readable, each bar thick enough to click.
    charts.style(figure, height=max(360, 26 * len(order) + 290))
    charts.update_layout(
        figure,
        title=dict(text=t("ranking_title", lang, indicator=info.name), x=0, xanchor="left"),
        barmode="overlay",
        bargap=0.25,
        xaxis_title=f"{info.name} ({unit})" if unit else info.name,
        yaxis=dict(categoryorder="array", categoryarray=order, autorange="reversed", title=None, automargin=True),
        legend=dict(yref="container", y=0, yanchor="bottom"),
        margin=dict(l=10, r=40, t=120, b=100),
        clickmode="event+select",
        dragmode=False,
    )
    return figure


def _click_targets(figure: go.Figure, names: list[str], codes: list[str], width: float) -> None:
    """An invisible bar across the whole width of every row, carrying the region's code: a click anywhere on a row
    drills into that region, whatever its value (a 0 % bar or a child without figures has no bar of its own)."""
    figure.add_trace(
        go.Bar(
            x=[width] * len(names),
            y=names,
            orientation="h",
            marker=dict(color="rgba(0,0,0,0)"),
            customdata=[[code] for code in codes],
            hoverinfo="skip",
            showlegend=False,
            name="",
        )
    )
    # Drawn first, so that the visible bars (and their hover labels) lie on top of it.
    figure.data = (figure.data[-1], *figure.data[:-1])


def _labels_above(figure: go.Figure, x_max: float) -> None:
    """Target and average labels above the plot, one line each, so none covers a bar or another label; a label
    in the right half of the axis ends at its line, one in the left half starts there."""
    for n, note in enumerate(sorted(figure.layout.annotations, key=lambda note: note.x)):
        note.update(
            y=1, yref="y domain", yanchor="bottom", yshift=18 * n, xanchor="right" if note.x > x_max / 2 else "left"
        )


def no_data_names(rows: pd.DataFrame) -> list[str]:
    """Children without a value (left out of the bars, kept in the table)."""
    return rows.loc[rows["value"].isna(), "region_name"].tolist()


def _target_marks(figure: go.Figure, rows: pd.DataFrame, lang: str) -> None:
    """Each child's own target as a mark on its bar (children governed by different plans)."""
    due = rows[rows["target_id"].notna() & (rows["comparator"] != "below_parent_avg")]
    if due.empty:
        return
    figure.add_trace(
        go.Scatter(
            x=due["target_value"],
            y=due["region_name"],
            mode="markers",
            marker=dict(symbol="line-ns", size=18, line=dict(width=3, color=charts.TARGET_COLOR)),
            name=t("target", lang),
            text=due["target_text"],
            hovertemplate="%{y}: " + t("target", lang) + " %{text}<extra></extra>",
        )
    )


def tiles(values: pd.DataFrame | None, counts: pd.DataFrame | None, key: str, lang: str = "zh") -> pd.DataFrame:
    """Two-level tiles (depth, code, name, parent, value, numerator, denominator) for the treemap."""
    columns = ["depth", "region_code", "region_name", "parent_code", "value", "numerator", "denominator"]
    if key != MILESTONE_INDICATOR:
        rows = values[columns].copy()
    else:
        regions = scorecard.region_milestones(counts)
        renamed = {"lagging_share": "value", "lagging_items": "numerator", "items": "denominator"}
        rows = regions.rename(columns=renamed)[columns].copy()
    rows["region_name"] = [
        region_name(c, n, lang) for c, n in zip(rows["region_code"], rows["region_name"], strict=True)
    ]
    return rows


def shown_tiles(tile_rows: pd.DataFrame) -> set[str]:
    """Codes drawn in the treemap: the root, children with a value, and every grandchild of those (grey if empty)."""
    children = tile_rows.loc[(tile_rows["depth"] == 1) & tile_rows["value"].notna(), "region_code"]
    keep = set(children) | set(tile_rows.loc[tile_rows["depth"] == 0, "region_code"])
    keep |= set(tile_rows.loc[(tile_rows["depth"] == 2) & tile_rows["parent_code"].isin(children), "region_code"])
    return keep


def tile_colors(values: pd.Series, higher_is_better: bool) -> list[str]:
    """A colour per tile on a red-yellow-green scale from the worst to the best value shown; grey without data."""
    known = values.dropna()
    low, high = (float(known.min()), float(known.max())) if not known.empty else (0.0, 1.0)
    span = high - low or 1.0
    shares = [(float(value) - low) / span for value in known]
    # one call for every tile: the scale is parsed once, not per tile
    sampled = iter(plotly.colors.sample_colorscale(_SCALE, [s if higher_is_better else 1 - s for s in shares]))
    return [NO_DATA_COLOR if pd.isna(value) else next(sampled) for value in values]


# Worst to best: the palette's red, yellow and green.
_SCALE = [
    [0.0, status.RAG_COLORS["red"]],
    [0.5, status.RAG_COLORS["amber"]],
    [1.0, status.RAG_COLORS["green"]],
]


def treemap_figure(tile_rows: pd.DataFrame, info: Indicator, lang: str = "zh") -> go.Figure:
    """The subtree two levels deep, each tile coloured by the indicator (red worst, green best) and labelled with it."""
    rows = tile_rows[tile_rows["region_code"].isin(shown_tiles(tile_rows))].copy()
    leaves = rows.groupby("parent_code").size()
    # Equal area per region: a grandchild counts 1, a child as many as it has grandchildren (at least 1).
    rows["size"] = [
        1 if depth == 2 else max(1, int(leaves.get(code, 0))) if depth == 1 else 0
        for depth, code in zip(rows["depth"], rows["region_code"], strict=True)
    ]
    rows.loc[rows["depth"] == 0, "size"] = rows.loc[rows["depth"] == 1, "size"].sum()
    text = [indicators.format_value(v, info.unit, lang) for v in rows["value"]]
    figure = go.Figure(
        go.Treemap(
            ids=rows["region_code"],
            labels=rows["region_name"],
            parents=rows["parent_code"].fillna(""),
            values=rows["size"],
            branchvalues="total",
            marker=dict(colors=tile_colors(rows["value"], info.higher_is_better), line=dict(width=1, color="white")),
            text=text,
            customdata=rows[["region_code", "numerator", "denominator"]].to_numpy(),
            texttemplate="%{label}<br>%{text}",
            hovertemplate=(
                "<b>%{label}</b> (%{customdata[0]})<br>"
                + t("hover_value", lang)
                + " %{text}<br>"
                + t("hover_numbers", lang)
                + " %{customdata[1]:,.0f} / %{customdata[2]:,.0f}<extra></extra>"
            ),
            maxdepth=3,
            pathbar=dict(visible=False),
            tiling=dict(pad=2),
        )
    )
    charts.style(figure, height=480)
    charts.update_layout(
        figure,
        title=dict(text=t("treemap_title", lang, indicator=info.name), x=0, xanchor="left"),
        margin=dict(l=4, r=4, t=70, b=4),
        # On a phone a small tile's label shrank to 6 px: a label that would be smaller than this is left to the hover.
        uniformtext=dict(minsize=charts.SMALLEST_LABEL_PX, mode="hide"),
    )
    return figure


# ----------------------------------------------------------------------------------------------- page content


@dataclass(frozen=True)
class RegionsView:
    """What the regions page draws: the path down to the region, and its children ranked and tiled on one indicator."""

    crumbs: list[tuple[str, str]]
    info: Indicator
    period: indicators.Period
    child_codes: list[str]
    target_caption: str
    ranking_figure: go.Figure | None
    ranking_table: pd.DataFrame
    no_data_names: list[str]
    tiles: pd.DataFrame
    treemap_figure: go.Figure | None


# What subtree_tiles runs: for a content function's @uses.
TILES_QUERIES = ("subtree_indicator_tiles", "subtree_indicator_tiles_stored", "stored_regions")


def subtree_tiles(
    query: indicators.QueryFn, region: str, month: object, domain: str | None, info: Indicator
) -> pd.DataFrame:
    """The treemap's two levels of tiles on one indicator at a month: read from the stored judgement at the nation
    and the provinces over all domains (subtree_indicator_tiles_stored, a few ms; it answers nothing elsewhere), else
    summed live over the indicator's fact tables."""
    at = {"region_code": region, "month": month, "domain_code": domain, "indicator_key": info.key}
    return indicators.stored_or_live(
        query,
        region,
        indicators.NamedQuery("subtree_indicator_tiles_stored", at),
        indicators.NamedQuery("subtree_indicator_tiles", {**at, "sources": list(info.sources)}),
        holds=domain is None,
    )


@uses(
    "indicator_catalog",
    *indicators.CHILDREN_AT_QUERIES,
    "region_children",
    "region_lineage",
    *TILES_QUERIES,
    "subtree_milestone_counts",
)
def regions_view(query: indicators.QueryFn, filters: Filters, key: str) -> RegionsView:
    """The children of the filters' region ranked on indicator key at the indicators' period (or on milestones at the
    as-of date), with the two-level treemap."""
    lang = filters.lang
    catalog = query("indicator_catalog")
    info = indicator(key, catalog, lang)
    period = indicators.indicator_period(filters)
    crumbs = breadcrumb(query("region_lineage", region_code=filters.region), lang)
    children = query("region_children", parent_code=filters.region)
    empty = RegionsView(crumbs, info, period, [], "", None, pd.DataFrame(), [], pd.DataFrame(), None)
    if children.empty:
        return empty
    if key == MILESTONE_INDICATOR:
        counts = query(
            "subtree_milestone_counts",
            region_code=filters.region,
            as_of=filters.as_of,
            plan_id=filters.plan,
            task_area=filters.area,
        )
        values = tile_values = None
    else:
        counts = None
        values = indicators.children_at(query, filters.region, period, domain=filters.domain, plan=filters.plan)
        tile_values = subtree_tiles(query, filters.region, period.month, filters.domain, info)
    rows, parent = ranking(key, values, counts, lang, info.higher_is_better)
    tile_rows = tiles(tile_values, counts, key, lang)
    return RegionsView(
        crumbs=crumbs,
        info=info,
        period=period,
        child_codes=children["region_code"].tolist(),
        target_caption=target_caption(rows, lang),
        ranking_figure=ranking_figure(rows, parent, info, lang),
        ranking_table=display_table(rows),
        no_data_names=no_data_names(rows),
        tiles=tile_rows,
        treemap_figure=treemap_figure(tile_rows, info, lang),
    )
