"""案件 Cases: case counts, legal review, publicity, court appearances and losses, by region and domain."""

import streamlit as st

from enforcement.content import cases
from enforcement.ui.cards import kpi_grid
from enforcement.ui.frame import page_frame
from enforcement.ui.trend_blocks import chart_section, indicator_picker, side_by_side, trend_page_head

ctx = page_frame("nav_cases")
scope = trend_page_head(ctx, "nav_cases")

kpi_grid(ctx.built(cases.kpis, scope), columns=3, key="cases")

chart_section(ctx, ctx.t("ca_counts_title"), ctx.built(cases.counts_chart, scope), key="counts", stem="案件量")
chart_section(ctx, ctx.t("ca_duties_title"), ctx.built(cases.duties_chart, scope), key="duties", stem="三项制度")

indicator = indicator_picker(ctx, "ci", cases.RANKABLE, cases.chosen_indicator(st.query_params.get("ci")))
side_by_side(
    ctx,
    (ctx.t("ca_children_title"), ctx.built(cases.children_chart, scope, indicator), "children", "案件_下级地区"),
    (ctx.t("ca_domain_title"), ctx.built(cases.domain_chart, scope, indicator), "domains", "案件_执法领域"),
)
side_by_side(
    ctx,
    (ctx.t("ca_complaints_title"), ctx.built(cases.complaints_chart, scope), "complaints", "12345投诉"),
    (ctx.t("ca_case_files_title"), ctx.built(cases.case_files_chart, scope), "case_files", "案卷评查"),
)
