"""总览 Overview content: is the region on track for the 2023, 2024 and 2025 milestones, how do its indicators stand
against their targets, and which regions under it are most behind.

``overview(query, filters)`` returns everything the page draws; the page only lays it out. The indicator cards are
the region's row of indicators_by_child at the one indicator period (indicators.region_indicators): the same row the
parent's rankings, the training and cases pages and the report show.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from enforcement.content import drilldown, indicators, scorecard, uses
from enforcement.content.indicators import Card, Period, QueryFn
from enforcement.i18n import t
from enforcement.rules.filters import Filters


@dataclass(frozen=True)
class PlanRegion:
    """One plan issued inside the region, as its own region stands: what a leader at 全国 compares first."""

    plan_id: str
    region_code: str
    region_name: str
    plan_title: str
    done_shares: dict[int, float | None]  # deadline year -> share of its items done (%)
    overdue: int  # items overdue now
    items: int
    indicators_missed: int  # targets not met or behind schedule (序时进度)
    indicators_judged: int
    judgement: str  # the milestone judgement (scorecard.milestone_judgement)


@dataclass(frozen=True)
class Overview:
    region_name: str
    period: Period
    intro: str
    plans_note: str
    milestone_cards: list[Card]
    indicator_cards: list[Card]
    has_children: bool
    ranked: pd.DataFrame  # every child, most behind first (scorecard.most_behind)
    top_behind: pd.DataFrame  # the first ones that are behind at all
    shares: pd.DataFrame  # milestone items per deadline year by status, long form
    figure: go.Figure | None
    table: pd.DataFrame
    governed: bool  # a plan governs the region (else its cards have no targets)
    plan_regions: list[PlanRegion]  # the plans issued inside the region, where none governs it


def plans_note(plans: pd.DataFrame, chosen_plan: str | None, lang: str) -> str:
    """Which plans govern the region, or the plan chosen as a yardstick, or that none does."""
    chosen = plans[plans["plan_id"] == chosen_plan] if chosen_plan else plans.iloc[0:0]
    governing = plans[plans["governs"]]
    if not chosen.empty and not chosen["governs"].all():
        # A plan that does not govern the region, chosen as a yardstick (the same rule as the training and cases pages).
        return t("ov_yardstick", lang, plans="; ".join(f"{p.issuer}《{p.title}》" for p in chosen.itertuples()))
    shown = chosen if chosen_plan else governing
    if not shown.empty:
        return t("ov_plans", lang, plans="; ".join(f"{p.issuer}《{p.title}》" for p in shown.itertuples()))
    return t("ov_no_plan", lang)


@uses(
    "indicator_catalog",
    *indicators.CHILDREN_AT_QUERIES,
    "indicators_by_child_per_plan",
    "milestone_status_counts",
    "plan_status_counts",
    "plans_for_region",
    "region_children",
    "region_lineage",
    "subtree_milestone_counts",
)
def overview(query: QueryFn, filters: Filters) -> Overview:
    """Everything the overview draws for the filters."""
    lang = filters.lang
    lineage = query("region_lineage", region_code=filters.region)
    name = drilldown.breadcrumb(lineage, lang)[-1][1]
    period = indicators.indicator_period(filters)
    catalog = query("indicator_catalog")
    intro = t(
        "ov_intro",
        lang,
        as_of=filters.as_of.isoformat(),
        since=filters.since.isoformat(),
        period=period.label(lang),
        prev=period.previous.label(lang),
    )
    plans = query("plans_for_region", region_code=filters.region)
    note = plans_note(plans, filters.plan, lang)

    milestones = dict(region_code=filters.region, plan_id=filters.plan, task_area=filters.area)
    counts_now = query("milestone_status_counts", as_of=filters.as_of, **milestones)
    counts_since = query("milestone_status_counts", as_of=filters.since, **milestones)
    milestone_cards = scorecard.milestone_cards(counts_now, counts_since, filters.since, lang)

    region = indicators.region_indicators(
        query, filters.region, period, domain=filters.domain, plan=filters.plan, lang=lang
    )
    previous = indicators.region_indicators(
        query, filters.region, period.previous, domain=filters.domain, plan=filters.plan
    )
    indicator_cards = scorecard.indicator_cards(region, previous, catalog, period, lang)

    children = query("region_children", parent_code=filters.region)
    ranked = top = pd.DataFrame()
    if not children.empty:
        subtree_counts = query("subtree_milestone_counts", as_of=filters.as_of, **milestones)
        child_values = indicators.children_at(query, filters.region, period, domain=filters.domain, plan=filters.plan)
        ranked = scorecard.most_behind(subtree_counts, child_values, catalog, lang, n=len(children))
        top = scorecard.top_behind(ranked)

    shares = scorecard.milestone_year_shares(counts_now, lang)
    figure = None if shares.empty else scorecard.milestone_year_figure(shares, lang)
    governed = bool(plans["governs"].any())
    inside = [] if governed or filters.plan else plans_inside(query, plans, filters, period)
    return Overview(
        region_name=name,
        period=period,
        intro=intro,
        plans_note=note,
        milestone_cards=milestone_cards,
        indicator_cards=indicator_cards,
        has_children=not children.empty,
        ranked=ranked,
        top_behind=top,
        shares=shares,
        figure=figure,
        table=scorecard.milestone_year_table(counts_now, lang),
        governed=governed,
        plan_regions=inside,
    )


def plans_inside(query: QueryFn, plans: pd.DataFrame, filters: Filters, period: Period) -> list[PlanRegion]:
    """Each plan issued inside the region (none governs it), as the plan's own region stands on the as-of date:
    milestones done per deadline year, overdue items, and the indicators judged against that plan's targets."""
    issued = plans[~plans["governs"].astype(bool)]
    if issued.empty:
        return []
    judged = indicators.issuers_against_their_plans(
        query, zip(issued["plan_id"], issued["issuer_region_code"], strict=True), period
    )
    plan_counts = query("plan_status_counts", as_of=filters.as_of, plan_ids=sorted(issued["plan_id"]))
    regions = []
    for plan in issued.itertuples():
        counts = plan_counts[plan_counts["plan_id"] == plan.plan_id].drop(columns="plan_id")
        totals = scorecard.milestone_summary(scorecard.status_totals(counts))
        shares = {
            year: scorecard.milestone_summary(scorecard.status_totals(counts, year))["done_share"]
            for year in scorecard.MILESTONE_YEARS
        }
        judgements = [indicators.judge(row) for row in judged[plan.plan_id].reset_index().to_dict("records")]
        regions.append(
            PlanRegion(
                plan_id=plan.plan_id,
                region_code=plan.issuer_region_code,
                region_name=plan.issuer_region_name,
                plan_title=plan.title,
                done_shares=shares,
                overdue=scorecard.status_totals(counts)["overdue"],
                items=int(totals["items"]),
                indicators_missed=sum(j in ("not_met", "behind") for j in judgements),
                indicators_judged=sum(j in ("met", "near", "not_met", "behind") for j in judgements),
                judgement=scorecard.milestone_judgement(int(totals["items"]), int(totals["lagging"])),
            )
        )
    return regions
