"""案件 Cases: case counts, legal review, publicity, court appearances and losses, by region and domain."""

import streamlit as st

from enforcement import cases
from enforcement.trends import Scope
from enforcement.ui.frame import page_frame
from enforcement.ui.trend_blocks import chart_section, indicator_picker, kpi_row, scope_header

ctx = page_frame("nav_cases")
scope = Scope.of(ctx.filters, ctx.region_name)
st.title(f"{ctx.t('nav_cases')} · {scope.region_name}")
if scope.is_empty:
    st.info(ctx.t("trend_empty_period"))
    st.stop()
scope_header(ctx, scope)

kpi_row(cases.kpis(ctx.query, scope))

chart_section(ctx, ctx.t("ca_counts_title"), cases.counts_chart(ctx.query, scope), key="counts", stem="案件量")
chart_section(ctx, ctx.t("ca_duties_title"), cases.duties_chart(ctx.query, scope), key="duties", stem="三项制度")

indicator = indicator_picker(ctx, "ci", cases.RANKABLE, cases.chosen_indicator(st.query_params.get("ci")))
left, right = st.columns(2)
with left:
    chart = cases.children_chart(ctx.query, scope, indicator)
    chart_section(ctx, ctx.t("ca_children_title"), chart, key="children", stem="案件_下级地区")
with right:
    chart = cases.domain_chart(ctx.query, scope, indicator)
    chart_section(ctx, ctx.t("ca_domain_title"), chart, key="domains", stem="案件_执法领域")

left, right = st.columns(2)
with left:
    chart = cases.complaints_chart(ctx.query, scope)
    chart_section(ctx, ctx.t("ca_complaints_title"), chart, key="complaints", stem="12345投诉")
with right:
    chart = cases.case_files_chart(ctx.query, scope)
    chart_section(ctx, ctx.t("ca_case_files_title"), chart, key="case_files", stem="案卷评查")
