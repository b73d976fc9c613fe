"""Judging figures against the plans: the period indicators cover, target status as red/amber/green, KPI cards.

Shared by the overview (KPI cards, regions most behind) and the regions page (ranking colours). The rules that
decide met / not met and which plan's target governs live in SQL (schema.sql: target_status, governing_targets);
this module turns those results into what a leader reads. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import charts, indicators
from enforcement.content.indicators import Card, Period, delta_color, format_delta, format_value, judge
from enforcement.i18n import status_label, t
from enforcement.rules import status

MILESTONE_YEARS = (2023, 2024, 2025)
# Milestones: amber while at most this percentage of a year's items are overdue or behind schedule.
LAGGING_AMBER_PCT = 5.0

# The overview's indicator cards, in the order a leader reads them.
KPI_INDICATORS = (
    "full_rotation_rate",
    "training_hours_total",
    "exam_sampling_rate",
    "legal_review_rate",
    "publicity_within_7d_rate",
    "head_appearance_rate",
    "litigation_loss_rate",
    "satisfaction_rate",
)
TRAINING_HOURS_PARTS = ("training_hours_public_law", "training_hours_professional")


def kpi_indicators(targets: pd.DataFrame) -> list[str]:
    """The indicators of the cards: the overview's eight (training hours in total, or as its two parts when only
    they have a target), then any other indicator the governing plan sets a target for."""
    with_target = set(targets.loc[targets["target_id"].notna(), "indicator_key"])
    keys = list(KPI_INDICATORS)
    if "training_hours_total" not in with_target and with_target.issuperset(TRAINING_HOURS_PARTS):
        at = keys.index("training_hours_total")
        keys[at : at + 1] = TRAINING_HOURS_PARTS
    others = targets.loc[targets["target_id"].notna() & ~targets["indicator_key"].isin(keys), "indicator_key"]
    return keys + sorted(set(others))


def indicator_cards(
    region: indicators.RegionIndicators,
    previous: indicators.RegionIndicators,
    catalog: pd.DataFrame,
    period: Period,
    lang: str = "zh",
) -> list[Card]:
    """KPI cards of a region (indicators.region_indicators), with the change against a year earlier."""
    definitions = catalog.set_index("indicator_key")["definition_en" if lang == "en" else "definition"]
    cards = []
    for key in kpi_indicators(region.rows.reset_index()):
        if key not in region.rows.index:
            continue
        row = region.rows.loc[key].to_dict() | {"indicator_key": key}
        old = previous.rows["value"].get(key) if key in previous.rows.index else None
        cards.append(
            indicators.indicator_card(
                row, old, period, lang, parent_name=region.parent_name, definition=definitions.get(key, "")
            )
        )
    return cards


# ----------------------------------------------------------------------------------------------- milestones


def milestone_judgement(items: int, lagging: int) -> str:
    """A set of milestone items: met when none is overdue or behind, near while at most LAGGING_AMBER_PCT % are."""
    if items <= 0:
        return "no_data"
    colour = status.rag(100.0 * lagging / items, 0.0, "<=", amber_margin=LAGGING_AMBER_PCT)
    return {"green": "met", "amber": "near", "red": "not_met"}[colour]


def status_totals(counts: pd.DataFrame, year: int | None = None) -> dict[str, int]:
    """Items by status from milestone_status_counts (one year, or all) or subtree_milestone_counts rows."""
    rows = counts if year is None else counts[counts["milestone_year"] == year]
    rows = rows[rows["status"].notna()]
    totals = rows.groupby("status")["item_count"].sum()
    return {code: int(totals.get(code, 0)) for code in status.MILESTONE_STATUSES}


def milestone_summary(totals: dict[str, int]) -> dict[str, float | int | None]:
    """Applicable items, done, lagging (overdue or behind 序时进度) and the shares of a set of items."""
    items = sum(n for code, n in totals.items() if code != "not_applicable")
    done = sum(totals.get(code, 0) for code in status.DONE_STATUSES)
    lagging = sum(totals.get(code, 0) for code in status.LAGGING_STATUSES)
    return {
        "items": items,
        "done": done,
        "lagging": lagging,
        "done_share": 100.0 * done / items if items else None,
        "lagging_share": 100.0 * lagging / items if items else None,
    }


def milestone_cards(now: pd.DataFrame, since: pd.DataFrame, since_date: dt.date, lang: str = "zh") -> list[Card]:
    """One card per milestone year: share done, judged by how many items are overdue or behind schedule."""
    cards = []
    for year in MILESTONE_YEARS:
        totals = status_totals(now, year)
        summary = milestone_summary(totals)
        before = milestone_summary(status_totals(since, year))
        judgement = milestone_judgement(summary["items"], summary["lagging"])
        share = summary["done_share"]
        delta = None if share is None or before["done_share"] is None else share - before["done_share"]
        detail = t(
            "kpi_milestone_detail",
            lang,
            on_time=totals["done_on_time"],
            late=totals["done_late"],
            overdue=totals["overdue"],
            behind=totals["behind_schedule"],
            items=summary["items"],
        )
        cards.append(
            Card(
                key=f"milestones_{year}",
                title=t("kpi_milestone_title", lang, year=year),
                value=share,
                value_text=format_value(share, "%", lang),
                judgement=judgement,
                status_text=t(f"milestone_judgement_{judgement}", lang)
                if judgement == "no_data"
                else f"{t(f'milestone_judgement_{judgement}', lang)} · {detail}",
                delta_text=format_delta(delta, "%", lang),
                delta_color=delta_color(delta, True),
                delta_note=t("kpi_since", lang, since=since_date.isoformat()),
                help=t("kpi_milestone_help", lang, year=year, amber=f"{LAGGING_AMBER_PCT:g}"),
            )
        )
    return cards


def _items_by_status(counts: pd.DataFrame, by: str) -> pd.DataFrame:
    """Items summed per `by` (rows) and status (columns), 0 where none: what pivot_table(aggfunc="sum",
    fill_value=0) gives, a third of its cost."""
    return counts.groupby([by, "status"])["item_count"].sum().unstack(fill_value=0)


def milestone_year_table(counts: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Items per milestone year and status (one row per year), for the chart's data table."""
    rows = counts[counts["milestone_year"].notna()]
    table = _items_by_status(rows, "milestone_year").reindex(columns=list(status.MILESTONE_STATUSES), fill_value=0)
    table.columns = [f"items_{code}" for code in table.columns]
    # the items that apply, as the cards and the chart count them; the not-applicable ones keep their own column
    table.insert(0, "items_total", table.drop(columns="items_not_applicable").sum(axis=1))
    table.index = table.index.astype(int)
    return table.reset_index()


def milestone_year_shares(counts: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Long form for the chart: year, status, items and share of the year's items (%)."""
    rows = counts[counts["milestone_year"].notna() & (counts["status"] != "not_applicable")].copy()
    rows["milestone_year"] = rows["milestone_year"].astype(int)
    rows = rows.groupby(["milestone_year", "status"], as_index=False)["item_count"].sum()
    totals = rows.groupby("milestone_year")["item_count"].transform("sum")
    rows["share_pct"] = 100.0 * rows["item_count"] / totals
    rows["status_label"] = [status_label(code, lang) for code in rows["status"]]
    rows["year_label"] = [
        t("kpi_year_items", lang, year=year, items=int(total))
        for year, total in zip(rows["milestone_year"], totals, strict=True)
    ]
    order = {code: n for n, code in enumerate(status.MILESTONE_STATUSES)}
    return rows.sort_values(["milestone_year", "status"], key=lambda s: s.map(order) if s.name == "status" else s)


# ----------------------------------------------------------------------------------------------- most behind


def region_milestones(counts: pd.DataFrame) -> pd.DataFrame:
    """Per region of subtree_milestone_counts (depth, code, name, parent): items (not counting not applicable),
    done, lagging (overdue or behind schedule), overdue, behind, the lagging share and its judgement."""
    regions = counts[["depth", "region_code", "region_name", "parent_code"]].drop_duplicates("region_code")
    by_status = _items_by_status(counts[counts["status"].notna()], "region_code").reindex(
        index=regions["region_code"], columns=list(status.MILESTONE_STATUSES), fill_value=0
    )
    out = regions.set_index("region_code")
    out["items"] = by_status.drop(columns="not_applicable").sum(axis=1).astype(int)
    out["lagging_items"] = by_status[list(status.LAGGING_STATUSES)].sum(axis=1).astype(int)
    out["overdue_items"] = by_status["overdue"].astype(int)
    out["behind_items"] = by_status["behind_schedule"].astype(int)
    out["done_items"] = by_status[list(status.DONE_STATUSES)].sum(axis=1).astype(int)
    out["lagging_share"] = (100.0 * out["lagging_items"] / out["items"].where(out["items"] > 0)).astype(float)
    out["judgement"] = [
        milestone_judgement(items, lagging) for items, lagging in zip(out["items"], out["lagging_items"], strict=True)
    ]
    return out.reset_index()[["depth", "region_code", *out.columns.drop("depth")]]


def child_milestones(counts: pd.DataFrame) -> pd.DataFrame:
    """Per child (depth-1 rows of subtree_milestone_counts): items, done, lagging, overdue, behind and the share."""
    children = region_milestones(counts)
    return children[children["depth"] == 1].drop(columns=["depth", "parent_code", "judgement"])


def target_gaps(values: pd.DataFrame, catalog: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Per child: targets missed (red or amber) and the worst one by relative gap to its target."""
    children = values[values["scope"] == "child"].copy()
    children["judgement"] = [judge(row) for row in indicators.row_records(children)]
    missed = children[children["judgement"].isin(("not_met", "behind", "near"))].copy()
    reference = missed["parent_value"].where(missed["comparator"] == "below_parent_avg", missed["target_value"])
    missed["gap"] = (missed["value"] - reference).abs() / reference.abs().where(reference != 0, 1.0)
    names = catalog.set_index("indicator_key")["name_en" if lang == "en" else "name_zh"]
    missed["indicator_name"] = missed["indicator_key"].map(names)
    worst = missed.sort_values("gap", ascending=False).drop_duplicates("region_code")
    counted = missed.groupby("region_code").size().rename("targets_missed")
    out = (
        children[["region_code"]]
        .drop_duplicates()
        .merge(counted, on="region_code", how="left")
        .merge(worst[["region_code", "indicator_name", "gap"]], on="region_code", how="left")
    )
    out["targets_missed"] = out["targets_missed"].fillna(0).astype(int)
    has_data = children["value"].notna().groupby(children["region_code"]).any().rename("has_data")
    return out.merge(has_data, on="region_code", how="left").rename(
        columns={"indicator_name": "worst_indicator", "gap": "worst_gap"}
    )


def most_behind(counts: pd.DataFrame, values: pd.DataFrame, catalog: pd.DataFrame, lang: str = "zh", n: int = 5):
    """The children most behind: largest share of items overdue or behind schedule, then most such items, then most
    targets missed and the widest gap. Children with neither milestone items nor figures are left out."""
    ranked = child_milestones(counts).merge(target_gaps(values, catalog, lang), on="region_code", how="left")
    ranked["targets_missed"] = ranked["targets_missed"].fillna(0).astype(int)
    ranked["has_data"] = ranked["has_data"].astype("boolean").fillna(False).astype(bool)
    ranked = ranked[(ranked["items"] > 0) | ranked["has_data"]]
    ranked = ranked.assign(_share=ranked["lagging_share"].fillna(-1.0), _gap=ranked["worst_gap"].fillna(-1.0))
    ranked = ranked.sort_values(
        ["_share", "lagging_items", "targets_missed", "_gap", "region_code"],
        ascending=[False, False, False, False, True],
    )
    ranked["judgement"] = [
        milestone_judgement(items, lagging)
        for items, lagging in zip(ranked["items"], ranked["lagging_items"], strict=True)
    ]
    ranked["is_behind"] = (ranked["lagging_items"] > 0) | (ranked["targets_missed"] > 0)
    ranked = ranked.drop(columns=["_share", "_gap", "has_data"]).head(n).reset_index(drop=True)
    ranked = ranked.assign(lagging_share=ranked["lagging_share"].round(2), worst_gap=ranked["worst_gap"].round(4))
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked


def milestone_year_figure(shares: pd.DataFrame, lang: str = "zh") -> go.Figure:
    """Each deadline year as one 100 % bar split by status in the palette's colours, most urgent first."""
    figure = go.Figure()
    years = sorted(shares["milestone_year"].unique())
    labels = [shares.loc[shares["milestone_year"] == year, "year_label"].iloc[0] for year in years]
    for code in status.MILESTONE_STATUSES:
        part = shares[shares["status"] == code]
        if part.empty:
            continue
        figure.add_trace(
            go.Bar(
                x=part["share_pct"],
                y=part["year_label"],
                orientation="h",
                name=status_label(code, lang),
                marker_color=status.milestone_color(code),
                customdata=part[["item_count"]].to_numpy(),
                text=[f"{v:.0f}%" if v >= 6 else "" for v in part["share_pct"]],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate="%{y}<br>" + status_label(code, lang) + ": %{customdata[0]:,} (%{x:.1f}%)<extra></extra>",
            )
        )
    charts.style(figure, height=200 + 60 * len(years))
    charts.update_layout(
        figure,
        title=dict(text=t("ov_chart_title", lang), x=0, xanchor="left"),
        barmode="stack",
        xaxis=dict(title=t("ov_chart_x", lang), range=[0, 100], ticksuffix="%"),
        yaxis=dict(categoryorder="array", categoryarray=labels, autorange="reversed", title=None, automargin=True),
        legend=dict(traceorder="normal", yref="container", y=0, yanchor="bottom"),
        margin=dict(l=10, r=10, t=40, b=110),
        uniformtext=dict(minsize=charts.SMALLEST_LABEL_PX, mode="hide"),
    )
    return figure


def top_behind(ranked: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The first n of most_behind's ranking that are behind at all (items overdue or behind, or a target missed)."""
    return ranked[ranked["is_behind"]].head(n)
