"""Judging figures against the plans: the period indicators cover, target status as red/amber/green, KPI cards.

Shared by the overview (KPI cards, regions most behind) and the regions page (ranking colours). The rules that
decide met / not met and which plan's target governs live in SQL (schema.sql: target_status, governing_targets);
this module turns those results into what a leader reads. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import charts
from enforcement.i18n import STRINGS, status_label, t
from enforcement.rules import status
from enforcement.rules.filters import Filters

MILESTONE_YEARS = (2023, 2024, 2025)
# Amber: the target is not met, but the value is within this share of the target value (5 points of a 100 % target).
AMBER_SHARE = 0.05
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

# Judgements and their red/amber/green colour (status.RAG_COLORS); worst first.
JUDGEMENT_RAG = {
    "not_met": "red",
    "near": "amber",
    "met": "green",
    "not_due": "grey",
    "no_data": "grey",
    "no_target": "grey",
}
JUDGEMENTS = tuple(JUDGEMENT_RAG)


# ----------------------------------------------------------------------------------------------- period


@dataclass(frozen=True)
class Period:
    """The months an indicator covers (first days of months) and the same months one year earlier."""

    month_from: dt.date
    month_to: dt.date
    judged_on: dt.date  # the day targets are looked up for: the period's last day, never after the as-of date

    @property
    def prev_from(self) -> dt.date:
        return self.month_from.replace(year=self.month_from.year - 1)

    @property
    def prev_to(self) -> dt.date:
        return self.month_to.replace(year=self.month_to.year - 1)

    def label(self, lang: str = "zh") -> str:
        return t("kpi_period_range", lang, start=self.month_from.strftime("%Y-%m"), end=self.month_to.strftime("%Y-%m"))

    def prev_label(self, lang: str = "zh") -> str:
        return t("kpi_period_range", lang, start=self.prev_from.strftime("%Y-%m"), end=self.prev_to.strftime("%Y-%m"))


def indicator_period(filters: Filters) -> Period:
    """The year to date of the last month that counts: targets are yearly, so indicators are too.

    Ends at filters.effective_to (the period's end, never after the as-of month); starts in January of that year,
    or at the chosen period's start if that is later in the same year.
    """
    month_to = filters.effective_to
    month_from = max(dt.date(month_to.year, 1, 1), filters.period_from)
    if month_from > month_to:
        month_from = dt.date(month_to.year, 1, 1)
    next_month = (month_to.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return Period(month_from, month_to, min(filters.as_of, next_month - dt.timedelta(days=1)))


# ----------------------------------------------------------------------------------------------- judging


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT


def judge(row: pd.Series | dict) -> str:
    """Judgement of one indicator row (a row of child_indicator_values): met, near, not_met, no_data, not_due, no_target.

    met / not met / no data come from SQL (target_status); near = not met but within AMBER_SHARE of the target
    (for 'below the parent average', of the parent's value).
    """
    get = row.get
    if _missing(get("target_id")):
        return "no_target"
    if not bool(get("is_target_due")):
        return "not_due"
    verdict = get("target_status")
    if _missing(verdict) or verdict == "no_data":
        return "no_data"
    if verdict == "met":
        return "met"
    comparator = get("comparator")
    reference = get("parent_value") if comparator == "below_parent_avg" else get("target_value")
    if _missing(reference) or _missing(get("value")):
        return "not_met"
    colour = status.rag(float(get("value")), float(reference), comparator, amber_margin=AMBER_SHARE * abs(reference))
    return "not_met" if colour == "red" else "near"


def milestone_judgement(items: int, lagging: int) -> str:
    """A set of milestone items: met when none is overdue or behind, near while at most LAGGING_AMBER_PCT % are."""
    if items <= 0:
        return "no_data"
    colour = status.rag(100.0 * lagging / items, 0.0, "<=", amber_margin=LAGGING_AMBER_PCT)
    return {"green": "met", "amber": "near", "red": "not_met"}[colour]


def rag_color(judgement: str) -> str:
    """Palette colour of a judgement."""
    return status.RAG_COLORS[JUDGEMENT_RAG.get(judgement, "grey")]


def judgement_label(judgement: str, lang: str = "zh") -> str:
    return t(f"judgement_{judgement}", lang)


# ----------------------------------------------------------------------------------------------- formatting


def unit_label(unit: str, lang: str = "zh") -> str:
    """Unit as shown: '%' stays, 学时 is 'hours' in English."""
    if not unit or unit == "%":
        return unit or ""
    return t(f"unit_{unit}", lang) if f"unit_{unit}" in STRINGS else unit


def format_value(value: object, unit: str, lang: str = "zh") -> str:
    """A value with its unit, one decimal ('—' when there is none)."""
    if _missing(value):
        return "—"
    shown = unit_label(unit, lang)
    return f"{float(value):.1f}%" if unit == "%" else f"{float(value):.1f} {shown}".strip()


def format_delta(delta: object, unit: str, lang: str = "zh") -> str | None:
    """A change with its unit: percentage points for rates."""
    if _missing(delta):
        return None
    if unit == "%":
        return t("kpi_delta_points", lang, delta=f"{float(delta):+.1f}")
    return f"{float(delta):+.1f} {unit_label(unit, lang)}".strip()


_COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}


def target_text(row: pd.Series | dict, lang: str = "zh", parent_name: str | None = None) -> str:
    """The target in words: '≥ 60.0 学时', '= 100.0%', '低于上级平均 (重庆市 12.5%)', or '无目标'."""
    if _missing(row.get("target_id")):
        return t("kpi_no_target", lang)
    unit = row.get("target_unit") or ""
    if row.get("comparator") == "below_parent_avg":
        parent = format_value(row.get("parent_value"), unit, lang)
        return t("kpi_below_parent", lang, parent=parent_name or t("parent_average", lang), value=parent)
    sign = _COMPARATOR_SIGNS.get(row.get("comparator"), row.get("comparator"))
    return f"{sign} {format_value(row.get('target_value'), unit, lang)}"


def target_source(row: pd.Series | dict, lang: str = "zh") -> str:
    """Says who: issuer, document number, title, clause and the quoted sentence (markdown)."""
    if _missing(row.get("target_id")):
        return t("kpi_no_target_help", lang)
    number = "" if _missing(row.get("document_number")) else f" {row.get('document_number')}"
    year = "" if _missing(row.get("target_year")) else t("kpi_target_year", lang, year=int(row.get("target_year")))
    lines = [
        t(
            "kpi_source",
            lang,
            issuer=row.get("issuer"),
            number=number,
            title=row.get("plan_title"),
            clause=row.get("clause_path"),
            target_id=row.get("target_id"),
        )
        + year,
        f"> {row.get('target_quote')}",
    ]
    if not bool(row.get("is_target_due")):
        lines.append(t("kpi_not_due_help", lang))
    return "\n\n".join(lines)


# ----------------------------------------------------------------------------------------------- KPI cards


@dataclass(frozen=True)
class Card:
    """One KPI card: a value, how it is judged, its change, and where its target comes from."""

    key: str
    title: str
    value: float | None
    value_text: str
    judgement: str
    status_text: str
    delta_text: str | None
    delta_color: str  # st.metric delta_color: 'normal' (up is good), 'inverse', 'off'
    delta_note: str
    help: str

    @property
    def rag(self) -> str:
        return JUDGEMENT_RAG.get(self.judgement, "grey")

    @property
    def color(self) -> str:
        return rag_color(self.judgement)


def kpi_indicators(targets: pd.DataFrame) -> list[str]:
    """The indicators of the cards: the overview's eight (training hours in total, or as its two parts when only
    they have a target), then any other indicator the governing plan sets a target for."""
    with_target = set(targets.loc[targets["target_id"].notna(), "indicator_key"])
    keys = list(KPI_INDICATORS)
    if "training_hours_total" not in with_target and with_target.issuperset(TRAINING_HOURS_PARTS):
        at = keys.index("training_hours_total")
        keys[at : at + 1] = TRAINING_HOURS_PARTS
    others = targets.loc[targets["target_id"].notna() & ~targets["indicator_key"].isin(keys), "indicator_key"]
    return keys + sorted(others)


def region_rows(values: pd.DataFrame, region_code: str) -> pd.DataFrame:
    """The rows of one region from child_indicator_values (its child row under its parent, or the root's total)."""
    rows = values[values["region_code"] == region_code]
    return rows.set_index("indicator_key")


def indicator_cards(
    current: pd.DataFrame,
    previous: pd.DataFrame,
    catalog: pd.DataFrame,
    region_code: str,
    period: Period,
    lang: str = "zh",
) -> list[Card]:
    """KPI cards of a region from child_indicator_values run on its parent (or on the region itself at the root).

    current: the period; previous: the same months a year earlier (for the change).
    """
    now = region_rows(current, region_code)
    before = region_rows(previous, region_code)
    parents = current[(current["scope"] == "total") & (current["region_code"] != region_code)]
    parent_name = parents["region_name"].iloc[0] if not parents.empty else None
    meta = catalog.set_index("indicator_key")
    cards = []
    for key in kpi_indicators(now.reset_index()):
        if key not in now.index:
            continue
        row = now.loc[key]
        info = meta.loc[key]
        unit = info["unit"]
        value = None if _missing(row["value"]) else float(row["value"])
        old = before["value"].get(key) if key in before.index else None
        delta = None if value is None or _missing(old) else value - float(old)
        judgement = judge(row)
        target = target_text(row, lang, parent_name)
        numbers = t(
            "kpi_numbers",
            lang,
            period=period.label(lang),
            numerator=_count(row["numerator"]),
            denominator=_count(row["denominator"]),
        )
        help_text = "\n\n".join(
            [
                t("kpi_target_line", lang, target=target, judgement=judgement_label(judgement, lang)),
                target_source(row, lang),
                t("kpi_definition", lang, definition=info["definition"]),
                numbers,
                t("kpi_rag_rule", lang),
            ]
        )
        cards.append(
            Card(
                key=key,
                title=info["name_en"] if lang == "en" else info["name_zh"],
                value=value,
                value_text=format_value(value, unit, lang),
                judgement=judgement,
                status_text=judgement_label(judgement, lang)
                if judgement == "no_target"
                else f"{judgement_label(judgement, lang)} · {t('target', lang)} {target}",
                delta_text=format_delta(delta, unit, lang),
                delta_color=_delta_color(delta, bool(info["higher_is_better"])),
                delta_note=t("kpi_vs_previous", lang),
                help=help_text,
            )
        )
    return cards


def _delta_color(delta: float | None, higher_is_better: bool) -> str:
    """st.metric's delta colour: green for a change for the better, grey for no change (to one decimal)."""
    if delta is None or round(delta, 1) == 0:
        return "off"
    return "normal" if higher_is_better else "inverse"


def _count(value: object) -> str:
    if _missing(value):
        return "—"
    number = float(value)
    return f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"


# ----------------------------------------------------------------------------------------------- milestones


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
                delta_color=_delta_color(delta, True),
                delta_note=t("kpi_since", lang, since=since_date.isoformat()),
                help=t("kpi_milestone_help", lang, year=year, amber=f"{LAGGING_AMBER_PCT:g}"),
            )
        )
    return cards


def milestone_year_table(counts: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Items per milestone year and status (one row per year), for the chart's data table."""
    rows = counts[counts["milestone_year"].notna()]
    table = rows.pivot_table(index="milestone_year", columns="status", values="item_count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(status.MILESTONE_STATUSES), fill_value=0)
    table.columns = [f"items_{code}" for code in table.columns]
    table.insert(0, "items_total", table.sum(axis=1))
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
    by_status = (
        counts[counts["status"].notna()]
        .pivot_table(index="region_code", columns="status", values="item_count", aggfunc="sum", fill_value=0)
        .reindex(index=regions["region_code"], columns=list(status.MILESTONE_STATUSES), fill_value=0)
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
    children["judgement"] = [judge(row) for row in children.to_dict("records")]
    missed = children[children["judgement"].isin(("not_met", "near"))].copy()
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
    has_data = children.groupby("region_code")["value"].apply(lambda v: v.notna().any()).rename("has_data")
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
    figure.update_layout(
        title=dict(text=t("ov_chart_title", lang), x=0, xanchor="left"),
        barmode="stack",
        xaxis=dict(title=t("ov_chart_x", lang), range=[0, 100], ticksuffix="%"),
        yaxis=dict(categoryorder="array", categoryarray=labels, autorange="reversed", title=None, automargin=True),
        legend=dict(traceorder="normal", yref="container", y=0, yanchor="bottom"),
        margin=dict(l=10, r=10, t=40, b=110),
        uniformtext=dict(minsize=10, mode="hide"),
    )
    return figure


def top_behind(ranked: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The first n of most_behind's ranking that are behind at all (items overdue or behind, or a target missed)."""
    return ranked[ranked["is_behind"]].head(n)
