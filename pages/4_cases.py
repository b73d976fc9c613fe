"""案件 Cases: case counts, legal review, publicity, court appearances and losses, by region and domain."""

import streamlit as st

from enforcement.content import cases
from enforcement.content.trends import Scope
from enforcement.ui.cards import kpi_grid
from enforcement.ui.frame import page_frame
from enforcement.ui.trend_blocks import chart_section, indicator_picker, scope_header

ctx = page_frame("nav_cases")
scope = Scope.of(ctx.filters, ctx.region_name)
st.title(f"{ctx.t('nav_cases')} · {scope.region_name}")
if scope.is_empty:
    st.info(ctx.t("trend_empty_period"))
    st.stop()
scope_header(ctx, scope)

kpi_grid(ctx.built(cases.kpis, scope), columns=3, key="cases")

chart_section(ctx, ctx.t("ca_counts_title"), ctx.built(cases.counts_chart, scope), key="counts", stem="案件量")
chart_section(ctx, ctx.t("ca_duties_title"), ctx.built(cases.duties_chart, scope), key="duties", stem="三项制度")

indicator = indicator_picker(ctx, "ci", cases.RANKABLE, cases.chosen_indicator(st.query_params.get("ci")))
left, right = st.columns(2)
with left:
    chart = ctx.built(cases.children_chart, scope, indicator)
    chart_section(ctx, ctx.t("ca_children_title"), chart, key="children", stem="案件_下级地区")
with right:
    chart = ctx.built(cases.domain_chart, scope, indicator)
    chart_section(ctx, ctx.t("ca_domain_title"), chart, key="domains", stem="案件_执法领域")

left, right = st.columns(2)
with left:
    chart = ctx.built(cases.complaints_chart, scope)
    chart_section(ctx, ctx.t("ca_complaints_title"), chart, key="complaints", stem="12345投诉")
with right:
    chart = ctx.built(cases.case_files_chart, scope)
    chart_section(ctx, ctx.t("ca_case_files_title"), chart, key="case_files", stem="案卷评查")
