"""总览 Overview: is the chosen region on track for the 2023, 2024 and 2025 milestones, and who under it is lagging?"""

import streamlit as st

from enforcement.content import indicators, overview
from enforcement.ui.blocks import chart_with_data, data_table
from enforcement.ui.cards import kpi_grid, plan_cards
from enforcement.ui.frame import page_frame
from enforcement.ui.report import report_block

ctx = page_frame("nav_overview")
view = ctx.built(overview.overview, ctx.filters)

st.title(ctx.t("nav_overview") + f" · {view.region_name}")
st.caption(view.intro)
st.caption(view.plans_note)
report_block(ctx)

if view.plan_regions:
    # No plan governs the region (全国, or a province around a city's plan): the plans' regions first, one click each.
    st.subheader(ctx.t("ov_plans_title"))
    st.caption(ctx.t("ov_plans_caption", region=view.region_name))
    plan_cards(ctx, view.plan_regions)

st.subheader(ctx.t("ov_section_milestones"))
kpi_grid(view.milestone_cards, columns=3, key="milestones")

st.subheader(ctx.t("ov_section_indicators", period=view.period.label(ctx.lang)))
kpi_grid(view.indicator_cards, columns=3, key="indicators")

# The children most behind, each one click from its own overview.
st.subheader(ctx.t("ov_behind_title"))
if not view.has_children:
    st.info(ctx.t("ov_no_children", region=view.region_name))
else:
    st.caption(ctx.t("ov_behind_caption"))
    if view.ranked.empty:
        st.info(ctx.t("ov_behind_none"))
    elif view.top_behind.empty:  # children with items or figures, none of them behind
        st.success(ctx.t("rp_ov_children_none_behind", n=len(view.ranked)))
    else:
        for column, row in zip(st.columns(len(view.top_behind)), view.top_behind.itertuples(), strict=True):
            with column, st.container(border=True, key=f"kpi_{indicators.rag(row.judgement)}_behind_{row.rank}"):
                ctx.page_link("app.py", f"{row.rank}. {row.region_name}", region=row.region_code)
                share = indicators.format_value(row.lagging_share, "%", ctx.lang)
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
    with st.expander(ctx.t("ov_behind_table") + " · " + ctx.t("rows", n=len(view.ranked))):
        data_table(ctx, view.ranked.drop(columns=["judgement", "is_behind"]), key="behind", stem="most_behind")

# Milestone items per deadline year by status: the picture behind the three cards.
st.subheader(ctx.t("milestones_by_status"))
st.caption(ctx.t("ov_chart_help", region=view.region_name, as_of=ctx.filters.as_of.isoformat()))
if view.figure is None:
    st.info(ctx.t("no_milestones"))
else:
    chart_with_data(ctx, view.figure, view.table, key="milestones_by_year", stem="milestones_by_year")
