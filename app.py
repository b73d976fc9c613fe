"""总览 Overview: is the chosen region on track for the 2023, 2024 and 2025 milestones, and who under it is lagging?"""

import streamlit as st

from enforcement.content import drilldown, scorecard
from enforcement.ui.blocks import chart_with_data, data_table
from enforcement.ui.cards import kpi_grid
from enforcement.ui.frame import page_frame
from enforcement.ui.report import report_block

ctx = page_frame("nav_overview")
f = ctx.filters
lineage = ctx.query("region_lineage", region_code=f.region)
name = drilldown.breadcrumb(lineage, ctx.lang)[-1][1]
parent_code = lineage.iloc[-2]["region_code"] if len(lineage) > 1 else None
period = scorecard.indicator_period(f)
catalog = ctx.query("indicator_catalog")

st.title(ctx.t("nav_overview") + f" · {name}")
st.caption(
    ctx.t(
        "ov_intro",
        as_of=f.as_of.isoformat(),
        since=f.since.isoformat(),
        period=period.label(ctx.lang),
        prev=period.prev_label(ctx.lang),
    )
)
plans = ctx.query("plans_for_region", region_code=f.region)
chosen = plans[plans["plan_id"] == f.plan] if f.plan else plans.iloc[0:0]
governing = plans[plans["governs"]]
if not chosen.empty and not chosen["governs"].all():
    # A plan that does not govern the region, chosen as a yardstick (the same rule as the training and cases pages).
    st.caption(ctx.t("ov_yardstick", plans="; ".join(f"{p.issuer}《{p.title}》" for p in chosen.itertuples())))
elif not (chosen if f.plan else governing).empty:
    shown = chosen if f.plan else governing
    st.caption(ctx.t("ov_plans", plans="; ".join(f"{p.issuer}《{p.title}》" for p in shown.itertuples())))
else:
    st.caption(ctx.t("ov_no_plan"))
report_block(ctx)

# Milestones of the three deadline years, now and at the 'since' date.
milestones = dict(region_code=f.region, plan_id=f.plan, task_area=f.area)
counts_now = ctx.query("milestone_status_counts", as_of=f.as_of, **milestones)
counts_since = ctx.query("milestone_status_counts", as_of=f.since, **milestones)
st.subheader(ctx.t("ov_section_milestones"))
kpi_grid(scorecard.milestone_cards(counts_now, counts_since, f.since, ctx.lang), columns=3, key="milestones")

# Indicators: the region's row under its parent carries the parent's value (below-average targets) with it.
indicators = dict(domain_code=f.domain, as_of=period.judged_on, plan_id=f.plan)
scope = parent_code or f.region
current = ctx.query(
    "child_indicator_values", region_code=scope, month_from=period.month_from, month_to=period.month_to, **indicators
)
previous = ctx.query(
    "child_indicator_values", region_code=scope, month_from=period.prev_from, month_to=period.prev_to, **indicators
)
st.subheader(ctx.t("ov_section_indicators", period=period.label(ctx.lang)))
cards = scorecard.indicator_cards(current, previous, catalog, f.region, period, ctx.lang)
kpi_grid(cards, columns=3, key="indicators")

# The children most behind, each one click from its own overview.
st.subheader(ctx.t("ov_behind_title"))
children = ctx.query("region_children", parent_code=f.region)
if children.empty:
    st.info(ctx.t("ov_no_children", region=name))
else:
    subtree_counts = ctx.query("subtree_milestone_counts", as_of=f.as_of, **milestones)
    child_values = ctx.query(
        "child_indicator_values",
        region_code=f.region,
        month_from=period.month_from,
        month_to=period.month_to,
        **indicators,
    )
    ranked = scorecard.most_behind(subtree_counts, child_values, catalog, ctx.lang, n=len(children))
    st.caption(ctx.t("ov_behind_caption"))
    top = scorecard.top_behind(ranked)
    if top.empty:
        st.info(ctx.t("ov_behind_none"))
    else:
        for column, row in zip(st.columns(len(top)), top.itertuples(), strict=True):
            with (
                column,
                st.container(border=True, key=f"kpi_{scorecard.JUDGEMENT_RAG[row.judgement]}_behind_{row.rank}"),
            ):
                ctx.page_link("app.py", f"{row.rank}. {row.region_name}", region=row.region_code)
                share = scorecard.format_value(row.lagging_share, "%", ctx.lang)
                lines = [
                    ctx.t(
                        "ov_behind_line",
                        lagging=row.lagging_items,
                        items=row.items,
                        share=share,
                        missed=row.targets_missed,
                    )
                ]
                if isinstance(row.worst_indicator, str):
                    lines.append(ctx.t("ov_behind_worst", indicator=row.worst_indicator))
                st.caption(" · ".join(lines))
    ctx.page_link("pages/5_regions.py", ctx.t("ov_all_children"))
    with st.expander(ctx.t("ov_behind_table") + " · " + ctx.t("rows", n=len(ranked))):
        data_table(ctx, ranked.drop(columns=["judgement", "is_behind"]), key="behind", stem="most_behind")

# Milestone items per deadline year by status: the picture behind the three cards.
st.subheader(ctx.t("milestones_by_status"))
st.caption(ctx.t("ov_chart_help", region=name, as_of=f.as_of.isoformat()))
shares = scorecard.milestone_year_shares(counts_now, ctx.lang)
if shares.empty:
    st.info(ctx.t("no_milestones"))
else:
    chart_with_data(
        ctx,
        scorecard.milestone_year_figure(shares, ctx.lang),
        scorecard.milestone_year_table(counts_now, ctx.lang),
        key="milestones_by_year",
        stem="milestones_by_year",
    )
