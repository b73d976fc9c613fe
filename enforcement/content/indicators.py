"""Indicators as every page, chart, table, export and report shows them: one period, one judge, one format, one card.

- The period: an indicator is the year to date at the last month that counts (``indicator_period``), valued and
  judged in SQL (schema.sql: judged_indicators, through queries indicators_by_child / _by_domain / _by_agency /
  indicators_ytd_by_month), or read where that judgement is stored (``children_at``, ``by_month``). A page never
  asks for an indicator over any other span.
- The judge: ``judge`` turns a judged row (target, whether it is due, the SQL status) into what a leader reads:
  met, behind schedule, close to the target, not met, not yet due, no data, no target, each with one colour.
- The format: ``shown`` rounds once, half up, from the raw value; cards, chart labels and tables all use it, so a
  figure reads the same to the last digit wherever it appears.
- The card: ``Card``, drawn by one widget (enforcement/ui/cards.py).

No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from enforcement.content.frames import records
from enforcement.i18n import STRINGS, region_name, t
from enforcement.rules import status
from enforcement.rules.filters import Filters

QueryFn = Callable[..., pd.DataFrame]

DIGITS = 1  # decimals shown for every indicator value
# Amber: the target is not met, but the value is within this share of the target value (5 points of a 100 % target).
AMBER_SHARE = 0.05

# Judgements, worst first, and their red/amber/green colour (status.RAG_COLORS).
JUDGEMENT_RAG = {
    "not_met": "red",
    "behind": "amber",
    "near": "amber",
    "met": "green",
    "not_due": "grey",
    "no_data": "grey",
    "no_target": "grey",
}
JUDGEMENTS = tuple(JUDGEMENT_RAG)


# ----------------------------------------------------------------------------------------------- the period


@dataclass(frozen=True)
class Period:
    """The year to date an indicator covers: January to ``month`` (first days of months), judged on ``as_of``."""

    month: dt.date
    as_of: dt.date  # the day targets are judged on: the as-of date, never after the month's end

    @property
    def month_from(self) -> dt.date:
        return dt.date(self.month.year, 1, 1)

    @property
    def previous(self) -> Period:
        """The same months a year earlier (for the change since last year)."""
        month = self.month.replace(year=self.month.year - 1)
        return Period(month, _month_end(month))

    def params(self) -> dict[str, dt.date]:
        """The month and as-of date of an indicator query."""
        return {"month": self.month, "as_of": self.as_of}

    def label(self, lang: str = "zh") -> str:
        return t("kpi_period_range", lang, start=f"{self.month_from:%Y-%m}", end=f"{self.month:%Y-%m}")


def _month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def indicator_period(filters: Filters) -> Period:
    """The one rule: the year to date of the last month that counts (the period's end, never after the as-of month).

    Targets are yearly, so indicators are too; a year not yet over is held to the pro-rated target (序时进度).
    """
    month = filters.effective_to
    return Period(month, min(filters.as_of, _month_end(month)))


# ----------------------------------------------------------------------------------------------- values


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT


def shown(value: object, digits: int = DIGITS) -> float | None:
    """The value as shown: rounded once, half up, from the raw value (None when there is none)."""
    if is_missing(value):
        return None
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def shown_column(values: pd.Series, digits: int = DIGITS) -> pd.Series:
    """A column of values as shown (tables under charts and downloads use it, like the cards)."""
    return pd.Series([shown(v, digits) for v in values], index=values.index, dtype="Float64")


def unit_label(unit: str | None, lang: str = "zh") -> str:
    """Unit as shown: '%' stays, 学时 is 'hours' in English."""
    if not unit or unit == "%":
        return unit or ""
    return t(f"unit_{unit}", lang) if f"unit_{unit}" in STRINGS else unit


def format_value(value: object, unit: str | None, lang: str = "zh", digits: int = DIGITS) -> str:
    """A value with its unit ('—' when there is none): 95.1%, 61.2 学时."""
    number = shown(value, digits)
    if number is None:
        return "—"
    text = f"{number:,.{digits}f}"
    return f"{text}%" if unit == "%" else f"{text} {unit_label(unit, lang)}".strip()


def format_count(value: object, unit: str = "") -> str:
    """A whole number with thousands separators (and a unit): 12,345 件."""
    if is_missing(value):
        return "—"
    number = float(value)
    text = f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
    return f"{text} {unit}".strip()


def format_delta(delta: object, unit: str | None, lang: str = "zh") -> str | None:
    """A change with its unit: percentage points for rates."""
    number = shown(delta)
    if number is None:
        return None
    if unit == "%":
        return t("kpi_delta_points", lang, delta=f"{number:+.{DIGITS}f}")
    return f"{number:+.{DIGITS}f} {unit_label(unit, lang)}".strip()


_COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}


def target_text(row: pd.Series | dict, lang: str = "zh", parent_name: str | None = None) -> str:
    """The target in words: '≥ 60.0 学时', '= 100.0%', '低于上级平均 (重庆市 12.5%)', or '无目标'."""
    if is_missing(row.get("target_id")):
        return t("kpi_no_target", lang)
    unit = row.get("target_unit") or row.get("unit") or ""
    if row.get("comparator") == "below_parent_avg":
        parent = format_value(row.get("parent_value"), unit, lang)
        # kpi_below_parent says "average" itself: the parent is a name (重庆市) or, unnamed, the word for it (上级)
        return t("kpi_below_parent", lang, parent=parent_name or t("parent_region", lang), value=parent)
    sign = _COMPARATOR_SIGNS.get(row.get("comparator"), row.get("comparator"))
    return f"{sign} {format_value(row.get('target_value'), unit, lang)}"


def target_source(row: pd.Series | dict, lang: str = "zh") -> str:
    """Says who: issuer, document number, title, clause and the quoted sentence (markdown)."""
    if is_missing(row.get("target_id")):
        return t("kpi_no_target_help", lang)
    number = "" if is_missing(row.get("document_number")) else f" {row.get('document_number')}"
    year = "" if is_missing(row.get("target_year")) else t("kpi_target_year", lang, year=int(row.get("target_year")))
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


def name_of(row: pd.Series | dict, lang: str = "zh") -> str:
    """An indicator's name in the language."""
    return str(row.get("name_en") if lang == "en" else row.get("name_zh"))


# ----------------------------------------------------------------------------------------------- judging


# What judge, target_text, name_of and the row labels read of a row. A trend page's frames carry every measure
# column too, and turning them into dicts row by row for these few fields was a third of its Python time.
ROW_FIELDS = (
    "indicator_key", "value", "target_id", "target_status", "is_target_due", "comparator", "target_value",
    "parent_value", "target_unit", "unit", "is_total", "child_code", "child_name", "name_zh", "name_en",
)  # fmt: skip


def row_records(rows: pd.DataFrame) -> list[dict]:
    """The rows as dicts of the fields judge, target_text, name_of and the labels read (those the frame has)."""
    return records(rows, [field for field in ROW_FIELDS if field in rows.columns])


def judge(row: pd.Series | dict) -> str:
    """What a leader reads of a judged row: met, behind (序时进度), near, not_met, not_due, no_data or no_target.

    met / not met / behind schedule / not due / no data come from SQL (judged_indicators); near = not met but within
    AMBER_SHARE of the target (for 'below the parent average', of the parent's value).
    """
    get = row.get
    if is_missing(get("target_id")):
        return "no_target"
    verdict = get("target_status")
    if verdict == "not_due" or not bool(get("is_target_due")):
        return "not_due"
    if is_missing(verdict) or verdict == "no_data":
        return "no_data"
    if verdict in ("met", "not_met"):
        if verdict == "met":
            return "met"
        comparator = get("comparator")
        reference = get("parent_value") if comparator == "below_parent_avg" else get("target_value")
        if is_missing(reference) or is_missing(get("value")):
            return "not_met"
        colour = status.rag(
            float(get("value")), float(reference), comparator, amber_margin=AMBER_SHARE * abs(float(reference))
        )
        return "not_met" if colour == "red" else "near"
    return "behind"  # behind_schedule: short of the pro-rated target while the year runs


def rag(judgement: str) -> str:
    return JUDGEMENT_RAG.get(judgement, "grey")


def rag_color(judgement: str) -> str:
    """Palette colour of a judgement."""
    return status.RAG_COLORS[rag(judgement)]


def judgement_label(judgement: str, lang: str = "zh") -> str:
    return t(f"judgement_{judgement}", lang)


def worst(judgements: Iterable[str]) -> str:
    """The worst of several judgements (no_target when there are none)."""
    present = [j for j in judgements if j in JUDGEMENT_RAG]
    return min(present, key=JUDGEMENTS.index) if present else "no_target"


# ----------------------------------------------------------------------------------------------- queries


def sources_of(catalog: pd.DataFrame, keys: Iterable[str]) -> list[str]:
    """The fact tables the formulas of these indicators read (indicator_catalog's sources), sorted."""
    wanted = catalog[catalog["indicator_key"].isin(list(keys))]
    return sorted({source for sources in wanted["sources"] for source in sources})


def indicator_params(query: QueryFn, keys: Iterable[str]) -> dict[str, list[str]]:
    """indicator_keys and sources for an indicator query: only the fact tables those indicators read are summed."""
    keys = list(keys)
    return {"indicator_keys": keys, "sources": sources_of(query("indicator_catalog"), keys)}


# ----------------------------------------------------------------------------------------------- the card


@dataclass(frozen=True)
class Card:
    """One KPI card: a value, how it is judged, its change, where its target comes from, and its recent course."""

    key: str
    title: str
    value: float | None
    value_text: str
    judgement: str
    status_text: str
    delta_text: str | None = None
    delta_color: str = "off"  # st.metric delta_color: 'normal' (up is good), 'inverse', 'off'
    delta_note: str = ""
    help: str = ""
    sparkline: tuple[float, ...] = field(default_factory=tuple)

    @property
    def rag(self) -> str:
        return rag(self.judgement)

    @property
    def color(self) -> str:
        return rag_color(self.judgement)


def delta_color(delta: float | None, higher_is_better: bool) -> str:
    """st.metric's delta colour: green for a change for the better, grey for no change (to the digit shown)."""
    if delta is None or shown(delta) == 0:
        return "off"
    return "normal" if higher_is_better else "inverse"


def indicator_card(
    row: pd.Series | dict,
    previous: object,
    period: Period,
    lang: str = "zh",
    *,
    parent_name: str | None = None,
    definition: str = "",
    sparkline: Iterable[float] = (),
    title: str | None = None,
) -> Card:
    """The card of one judged indicator row (indicators_by_child and its kin); previous: its value a year earlier."""
    unit = row.get("unit")
    value = shown(row.get("value"))
    old = shown(previous)
    delta = None if value is None or old is None else value - old
    judgement = judge(row)
    target = target_text(row, lang, parent_name)
    numbers = t(
        "kpi_numbers",
        lang,
        period=period.label(lang),
        numerator=format_count(row.get("numerator")),
        denominator=format_count(row.get("denominator")),
    )
    lines = [
        t("kpi_target_line", lang, target=target, judgement=judgement_label(judgement, lang)),
        target_source(row, lang),
    ]
    if definition:
        lines.append(t("kpi_definition", lang, definition=definition))
    lines += [numbers, t("kpi_rag_rule", lang)]
    status_text = judgement_label(judgement, lang)
    if judgement != "no_target":
        status_text += f" · {t('target', lang)} {target}"
    return Card(
        key=str(row.get("indicator_key")),
        title=title or name_of(row, lang),
        value=value,
        value_text=format_value(value, unit, lang),
        judgement=judgement,
        status_text=status_text,
        delta_text=format_delta(delta, unit, lang),
        delta_color=delta_color(delta, bool(row.get("higher_is_better", True))),
        delta_note=t("kpi_vs_previous", lang),
        help="\n\n".join(lines),
        sparkline=tuple(float(v) for v in sparkline),
    )


# ----------------------------------------------------------------------------------------------- one region


@dataclass(frozen=True)
class RegionIndicators:
    """A region's judged indicators at a period: its row under its parent (judged against the parent's average where
    a target says so), or the whole subtree's at the root; the parent's name when there is one."""

    rows: pd.DataFrame  # indicators_by_child rows, indexed by indicator_key
    parent_name: str | None


def region_indicators(
    query: QueryFn,
    region_code: str,
    period: Period,
    *,
    domain: str | None = None,
    plan: str | None = None,
    keys: Iterable[str] | None = None,
    lang: str = "zh",
) -> RegionIndicators:
    """What the overview's cards, the pages' KPIs and the report say of one region: its row of indicators_by_child
    run on its parent (the same row the parent's rankings show), or its total at the root; keys: only these
    indicators' rows.

    The query always asks for every indicator (children_at on the parent), so the overview, the training and cases
    pages, the regions page and the report share one cached result per region and period instead of each running
    its own (an indicator query costs some 50 ms of planning at any size)."""
    lineage = query("region_lineage", region_code=region_code)
    parent = lineage.iloc[-2]["region_code"] if len(lineage) > 1 else None
    values = children_at(query, parent or region_code, period, domain=domain, plan=plan)
    # one filter of the wide result for the region's rows; the parent's name from two columns only
    wanted = values["indicator_key"].isin(list(keys)) if keys is not None else pd.Series(True, index=values.index)
    mine = values[
        wanted & (values["region_code"] == region_code) & (values["scope"] == ("child" if parent else "total"))
    ]
    parent_rows = values.loc[wanted & (values["scope"] == "total"), ["region_code", "region_name"]] if parent else None
    parent_name = (
        region_name(str(parent_rows["region_code"].iloc[0]), str(parent_rows["region_name"].iloc[0]), lang)
        if parent_rows is not None and not parent_rows.empty
        else None
    )
    return RegionIndicators(mine.set_index("indicator_key"), parent_name)


def issuers_against_their_plans(
    query: QueryFn, plans: Iterable[tuple[str, str]], period: Period
) -> dict[str, pd.DataFrame]:
    """Each (plan_id, issuer region) as region_indicators(query, issuer, period, plan=plan_id).rows says it: the
    issuer's row judged against that plan alone, by plan_id.

    An issuer's stored row (indicators_by_child_stored on its parent, judged against every plan governing it) says
    the same wherever every target it carries is that plan's: its own plan is the nearest, so another plan shows only
    where it sets what this one does not. The other issuers under one parent come from one
    indicators_by_child_per_plan on that parent, not one indicators_by_child per plan (an indicator query's cost is
    mostly planning, the same for one plan or five)."""
    by_parent: dict[str | None, list[tuple[str, str]]] = {}
    for plan_id, issuer in plans:
        lineage = query("region_lineage", region_code=issuer)
        parent = str(lineage.iloc[-2]["region_code"]) if len(lineage) > 1 else None
        by_parent.setdefault(parent, []).append((plan_id, issuer))
    judged = {}
    for parent, issued in by_parent.items():
        if parent is None:  # an issuer at the root: its total, as region_indicators gives it
            for plan_id, issuer in issued:
                judged[plan_id] = region_indicators(query, issuer, period, plan=plan_id).rows
            continue
        stored = (
            query("indicators_by_child_stored", region_code=parent, **period.params())
            if parent in stored_regions(query)
            else None
        )
        judged_live = []
        for plan_id, issuer in issued:
            mine = (
                pd.DataFrame()
                if stored is None
                else stored[(stored["scope"] == "child") & (stored["region_code"] == issuer)]
            )
            if not mine.empty and mine["plan_id"].dropna().eq(plan_id).all():
                judged[plan_id] = mine.set_index("indicator_key")
            else:
                judged_live.append((plan_id, issuer))
        if not judged_live:
            continue
        rows = query(
            "indicators_by_child_per_plan",
            region_code=parent,
            **period.params(),
            plan_ids=sorted(plan_id for plan_id, _ in judged_live),
        )
        for plan_id, issuer in judged_live:
            mine = rows[
                (rows["yardstick_plan"] == plan_id) & (rows["scope"] == "child") & (rows["region_code"] == issuer)
            ]
            judged[plan_id] = mine.drop(columns="yardstick_plan").set_index("indicator_key")
    return judged


# What children_at (and so region_indicators) runs: for a content function's @uses.
CHILDREN_AT_QUERIES = ("indicators_by_child", "indicators_by_child_stored", "stored_regions")


def stored_regions(query: QueryFn) -> set[str]:
    """The regions whose indicators by child are stored (indicators_by_child_stored reads nothing for the others)."""
    return set(query("stored_regions")["region_code"])


@dataclass(frozen=True)
class NamedQuery:
    """A named query and the parameters to run it with (either side of stored_or_live)."""

    name: str
    params: Mapping[str, object]


def stored_or_live(
    query: QueryFn, region_code: str, stored: NamedQuery, live: NamedQuery, *, holds: bool = True
) -> pd.DataFrame:
    """The stored judgement's read where the region is stored (stored_regions) and the read answers, else the live
    query. A stored read returns no rows for what it does not hold (a month outside the data, a choice it was not
    judged for); holds=False: the caller's choice (a domain, a plan) is one it never holds, so it is not asked."""
    if holds and region_code in stored_regions(query):
        found = query(stored.name, **stored.params)
        if not found.empty:
            return found
    return query(live.name, **live.params)


def children_at(
    query: QueryFn, region_code: str, period: Period, *, domain: str | None = None, plan: str | None = None
) -> pd.DataFrame:
    """Every indicator of a region's children (and its own agencies and its total) at the period: what its
    rankings, its most-behind list and the report's 下级地区 read (indicators_by_child, all indicators).

    All domains under the governing plans is what a page opens on, and for the regions above the counties it is
    stored, judged at build and import (indicators_by_child_stored: a read of a few ms, where the live query binds,
    plans and runs some hundred operators); any other region, month, domain or plan is judged live."""
    live = {"domain_code": domain, "plan_id": plan, "indicator_keys": None, "sources": None}
    return stored_or_live(
        query,
        region_code,
        NamedQuery("indicators_by_child_stored", {"region_code": region_code, **period.params()}),
        NamedQuery("indicators_by_child", {"region_code": region_code, **period.params(), **live}),
        holds=domain is None and plan is None,
    )


# What split_at runs, by the live query's name: for a content function's @uses.
SPLIT_QUERIES = {
    "indicators_by_agency": ("indicators_by_agency", "indicators_by_agency_stored", "stored_regions"),
    "indicators_by_domain": ("indicators_by_domain", "indicators_by_domain_stored", "stored_regions"),
}


def split_at(query: QueryFn, name: str, **params: object) -> pd.DataFrame:
    """A region's indicators by agency or by domain at a month (name: indicators_by_agency or indicators_by_domain,
    with that query's parameters): the training page's ranking of agencies and the cases page's of domains.

    What those pages open on (all domains, the governing plans, their indicators) is stored for the regions above
    the counties, judged at build and import (the query's _stored read, a few ms where the live query binds and plans
    some hundred operators); the read answers nothing for anything else, which is then judged live."""
    region = str(params["region_code"])
    return stored_or_live(query, region, NamedQuery(f"{name}_stored", params), NamedQuery(name, params))


# What by_month runs: for a content function's @uses.
BY_MONTH_QUERIES = ("indicators_ytd_by_month", "indicators_ytd_by_month_stored", "stored_regions")


def by_month(
    query: QueryFn,
    *,
    region_code: str,
    month_from: str,
    month_to: str,
    as_of: object,
    domain_code: str | None,
    plan_id: str | None,
    indicator_keys: list[str],
    sources: list[str],
    children_for: list[str],
) -> pd.DataFrame:
    """Indicators of a region's subtree by month, the year so far: the total for each of indicator_keys and, for those
    in children_for, the children with figures and the region's own agencies (indicators_ytd_by_month; a month's rows
    are children_at's at that month).

    For all domains under the governing plans at a stored region it is a read of the stored judgement
    (indicators_ytd_by_month_stored: every measure column, where the live query sums only sources); any other
    region, domain or plan is judged live."""
    span = {"region_code": region_code, "month_from": month_from, "month_to": month_to, "as_of": as_of}
    asked = {"indicator_keys": indicator_keys, "children_for": children_for}
    live = {"domain_code": domain_code, "plan_id": plan_id, "sources": sources}
    return stored_or_live(
        query,
        region_code,
        NamedQuery("indicators_ytd_by_month_stored", {**span, **asked}),
        NamedQuery("indicators_ytd_by_month", {**span, **asked, **live}),
        holds=domain_code is None and plan_id is None,
    )
