"""培训 Training: officers, certification, full rotation, training hours and exam sampling against the plans."""

import streamlit as st

from enforcement.content import training
from enforcement.content.trends import Scope
from enforcement.ui.cards import kpi_grid
from enforcement.ui.frame import page_frame
from enforcement.ui.trend_blocks import chart_section, indicator_picker, scope_header

ctx = page_frame("nav_training")
scope = Scope.of(ctx.filters, ctx.region_name)
st.title(f"{ctx.t('nav_training')} · {scope.region_name}")
if scope.is_empty:
    st.info(ctx.t("trend_empty_period"))
    st.stop()
scope_header(ctx, scope)
if scope.domain:
    st.caption(ctx.t("tr_domain_note"))

kpi_grid(ctx.built(training.kpis, scope), columns=3, key="training")

chart_section(
    ctx, ctx.t("tr_rotation_title"), ctx.built(training.rotation_chart, scope), key="rotation", stem="全员轮训"
)

left, right = st.columns(2)
with left:
    chart_section(ctx, ctx.t("tr_hours_title"), ctx.built(training.hours_chart, scope), key="hours", stem="培训学时")
with right:
    chart_section(ctx, ctx.t("tr_exam_title"), ctx.built(training.exam_chart, scope), key="exam", stem="闭卷考试抽考")

indicator = indicator_picker(ctx, "ti", training.RANKABLE, training.chosen_indicator(st.query_params.get("ti")))
left, right = st.columns(2)
with left:
    chart = ctx.built(training.children_chart, scope, indicator)
    chart_section(ctx, ctx.t("tr_children_title"), chart, key="children", stem="培训_下级地区")
with right:
    chart = ctx.built(training.agency_chart, scope, indicator)
    chart_section(ctx, ctx.t("tr_agency_title"), chart, key="agencies", stem="培训_执法部门")
