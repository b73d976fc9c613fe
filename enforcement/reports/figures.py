"""Every figure of the evaluation report, gathered in one place from the content layer, as the pages get them.

The report never computes a figure of its own: it runs the named queries the pages run, with the parameters the pages
pass for the same filters, and hands the results to the same content functions (scorecard for the overview's cards
and the children most behind, milestones for the lagging items, training and cases for the charts). A test compares
what this module returns with what the overview page shows. The filters are the pages' defaults for a region and an
as-of date: the whole plan period up to the as-of month, every plan, task area and enforcement domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import cases, indicators, milestones, overview, training
from enforcement.content.indicators import Card, Period
from enforcement.content.trends import Chart, Scope
from enforcement.i18n import t
from enforcement.rules import status
from enforcement.rules.filters import Choices, Filters, choices_from, default_filters, default_since
from enforcement.storage.meta import data_kind

QueryFn = Callable[..., pd.DataFrame]

# The pages' main charts in the report, in page order: (section, content function, the page's title key).
TRAINING_CHARTS = (
    ("rotation", training.rotation_chart, "tr_rotation_title"),
    ("hours", training.hours_chart, "tr_hours_title"),
    ("exam", training.exam_chart, "tr_exam_title"),
)
CASES_CHARTS = (
    ("counts", cases.counts_chart, "ca_counts_title"),
    ("duties", cases.duties_chart, "ca_duties_title"),
    ("case_files", cases.case_files_chart, "ca_case_files_title"),
)


def memo(query: QueryFn) -> QueryFn:
    """query with each (name, parameters) run once: the content functions ask for the same rows several times, as
    they do on a page, where ctx.query caches them."""
    seen: dict[tuple, pd.DataFrame] = {}

    def frozen(value: Any) -> Any:
        return tuple(value) if isinstance(value, (list, tuple, set, frozenset)) else value

    def run(name: str, **params: Any) -> pd.DataFrame:
        key = (name, tuple(sorted((k, frozen(v)) for k, v in params.items())))
        if key not in seen:
            seen[key] = query(name, **params)
        return seen[key]

    return run


def report_filters(choices: Choices, region: str, as_of: dt.date, lang: str) -> Filters:
    """The filters a report stands for: the pages' defaults with this region and as-of date."""
    base = default_filters(choices, lang)
    return base.with_changes(region=region, as_of=as_of, since=default_since(as_of))


def choices_of(query: QueryFn) -> Choices:
    """What the database allows (as the frame reads it): regions, plans, areas, domains and the data's last day."""
    rows = query("filter_choices")
    meta = meta_of(query)
    return choices_from({kind: frozenset(group["value"]) for kind, group in rows.groupby("kind")}, meta["data_as_of"])


def meta_of(query: QueryFn) -> dict[str, str]:
    facts = query("meta_facts")
    return dict(zip(facts["key"], facts["value"], strict=False))


@dataclass
class LaggingItem:
    """A milestone overdue or behind schedule somewhere in the region: what the document says and who lags."""

    milestone_id: str
    plan_id: str
    document_number: str | None
    plan_title: str
    issuer: str
    clause_path: str
    requirement: str
    lead_units: str | None
    responsible_units: str | None
    deadline_text: str | None
    deadline_date: dt.date | None
    quote: str
    status: str  # the worst status of the region's pairs
    status_counts: str  # 逾期未完成 2 · 滞后序时进度 1 · …: the pairs behind it
    lagging_rows: list[str]  # the board rows (children, 本级) whose status is overdue or behind schedule
    percent_complete: float | None


@dataclass
class ChartFigure:
    key: str
    title: str
    chart: Chart


@dataclass
class Figures:
    """What the report shows for one region at one as-of date (see compose.py for how it is written out)."""

    filters: Filters
    lang: str
    made_on: dt.date
    meta: dict[str, str]
    data_kind: str
    region_code: str
    region_name: str
    region_level: str
    lineage: pd.DataFrame
    parent_name: str | None
    plans: pd.DataFrame  # plans_for_region: governing plans first, then those issued inside the region
    period: Period
    catalog: pd.DataFrame
    # 里程碑: the overview's cards, the chart's data and its figure, the lagging items
    milestone_cards: list[Card]
    milestone_counts: pd.DataFrame
    milestone_year_table: pd.DataFrame
    milestone_shares: pd.DataFrame
    milestone_figure: go.Figure | None
    lagging: list[LaggingItem]
    # 量化指标: the overview's cards and the rows they were made from (targets, clauses, quotes)
    indicator_cards: list[Card]
    indicator_rows: pd.DataFrame
    # 下级地区: the overview's ranking of every child and the ones it names as most behind
    children: pd.DataFrame
    ranked: pd.DataFrame
    behind: pd.DataFrame
    missed_by_child: dict[str, list[str]]
    # 培训, 案件: the pages' KPI rows and main charts
    scope: Scope
    training_kpis: list[Card] = field(default_factory=list)
    training_charts: list[ChartFigure] = field(default_factory=list)
    cases_kpis: list[Card] = field(default_factory=list)
    cases_charts: list[ChartFigure] = field(default_factory=list)

    @property
    def is_sample(self) -> bool:
        """Whether any figure may be sample: the database holds generated rows (alone or beside imported ones)."""
        return self.data_kind != "reported"

    @property
    def governing(self) -> pd.DataFrame:
        return self.plans[self.plans["governs"]]


def gather(query: QueryFn, region: str, as_of: dt.date, lang: str = "zh", made_on: dt.date | None = None) -> Figures:
    """The figures of one region's report at as_of, from the named queries and content functions the pages use."""
    query = memo(query)
    meta = meta_of(query)
    filters = report_filters(choices_of(query), region, as_of, lang)
    f = filters

    # --- as the overview (app.py) gets them: the very content function the page draws
    view = overview.overview(query, f)
    lineage = query("region_lineage", region_code=f.region)
    region_row = lineage.iloc[-1]
    period = view.period
    catalog = query("indicator_catalog")
    plans = query("plans_for_region", region_code=f.region)
    counts_now = query("milestone_status_counts", as_of=f.as_of, region_code=f.region, plan_id=f.plan, task_area=f.area)
    region = indicators.region_indicators(query, f.region, period, domain=f.domain, plan=f.plan, lang=lang)
    children = query("region_children", parent_code=f.region)
    missed_by_child: dict[str, list[str]] = {}
    if not children.empty:
        child_values = indicators.children_at(query, f.region, period, domain=f.domain, plan=f.plan)
        missed_by_child = _missed_targets(child_values, catalog, lang)

    # --- as the 培训 and 案件 pages get them
    scope = Scope.of(f, view.region_name)
    figures = Figures(
        filters=f,
        lang=lang,
        made_on=made_on or dt.date.today(),
        meta=meta,
        data_kind=data_kind(meta),
        region_code=f.region,
        region_name=view.region_name,
        region_level=str(region_row["level"]),
        lineage=lineage,
        parent_name=region.parent_name,
        plans=plans,
        period=period,
        catalog=catalog,
        milestone_cards=view.milestone_cards,
        milestone_counts=counts_now,
        milestone_year_table=view.table,
        milestone_shares=view.shares,
        milestone_figure=view.figure,
        lagging=_lagging_items(query, f, plans, str(region_row["level"]), lang),
        indicator_cards=view.indicator_cards,
        indicator_rows=region.rows,
        children=children,
        ranked=view.ranked,
        behind=view.top_behind,
        missed_by_child=missed_by_child,
        scope=scope,
    )
    if not scope.is_empty:
        figures.training_kpis = training.kpis(query, scope)
        figures.training_charts = [ChartFigure(k, t(key, lang), fn(query, scope)) for k, fn, key in TRAINING_CHARTS]
        figures.cases_kpis = cases.kpis(query, scope)
        figures.cases_charts = [ChartFigure(k, t(key, lang), fn(query, scope)) for k, fn, key in CASES_CHARTS]
    return figures


def _missed_targets(values: pd.DataFrame, catalog: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """Per child: the indicators whose targets it misses (not met, behind schedule or close), as the overview judges."""
    names = catalog.set_index("indicator_key")["name_en" if lang == "en" else "name_zh"]
    children = values[values["scope"] == "child"]
    missed: dict[str, list[str]] = {}
    for row in children.to_dict("records"):
        if indicators.judge(row) in ("not_met", "behind", "near"):
            missed.setdefault(row["region_code"], []).append(str(names.get(row["indicator_key"], row["indicator_key"])))
    return missed


def _lagging_items(query: QueryFn, f: Filters, plans: pd.DataFrame, level: str, lang: str) -> list[LaggingItem]:
    """Every milestone overdue or behind schedule in the region under each plan that concerns it, as the 任务台账
    page lists them (its status filter set to those two), with the board's rows that lag and the document's words."""
    items: list[LaggingItem] = []
    for plan in plans.itertuples():
        scope = dict(region_code=f.region, as_of=f.as_of, plan_id=plan.plan_id, task_area=f.area)
        summary = query("milestone_summary", **scope, statuses=list(status.LAGGING_STATUSES), units=None)
        if summary.empty:
            continue
        board = query("milestone_board", **scope)
        labels = milestones.row_labels(board, level, lang)
        documents = query("plan_milestones", plan_id=plan.plan_id, task_area=f.area).set_index("milestone_id")
        for row in summary.to_dict("records"):
            document = documents.loc[row["milestone_id"]]
            cells = board[
                (board["milestone_id"] == row["milestone_id"]) & board["status"].isin(status.LAGGING_STATUSES)
            ]
            deadline = row["deadline_date"]
            items.append(
                LaggingItem(
                    milestone_id=row["milestone_id"],
                    plan_id=plan.plan_id,
                    document_number=None if pd.isna(document["document_number"]) else str(document["document_number"]),
                    plan_title=str(document["plan_title"]),
                    issuer=str(plan.issuer),
                    clause_path=str(row["clause_path"]),
                    requirement=str(row["requirement"]),
                    lead_units=None if pd.isna(row["lead_units"]) else str(row["lead_units"]),
                    responsible_units=None if pd.isna(row["responsible_units"]) else str(row["responsible_units"]),
                    deadline_text=None if pd.isna(row["deadline_text"]) else str(row["deadline_text"]),
                    deadline_date=None if pd.isna(deadline) else pd.Timestamp(deadline).date(),
                    quote=str(document["quote"]),
                    status=str(row["status"]),
                    status_counts=milestones.count_summary(row, lang),
                    lagging_rows=[labels[code] for code in cells["row_code"] if code in labels],
                    percent_complete=None if pd.isna(row["percent_complete"]) else float(row["percent_complete"]),
                )
            )
    return items
