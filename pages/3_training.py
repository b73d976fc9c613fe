"""培训 Training: officers, certification, full rotation, training hours and exam sampling against the plans."""

import streamlit as st

from enforcement.content import training
from enforcement.ui.cards import kpi_grid
from enforcement.ui.frame import page_frame
from enforcement.ui.trend_blocks import chart_section, indicator_picker, side_by_side, trend_page_head

ctx = page_frame("nav_training")
scope = trend_page_head(ctx, "nav_training")
if scope.domain:
    st.caption(ctx.t("tr_domain_note"))

kpi_grid(ctx.built(training.kpis, scope), columns=3, key="training")

chart_section(
    ctx, ctx.t("tr_rotation_title"), ctx.built(training.rotation_chart, scope), key="rotation", stem="全员轮训"
)
side_by_side(
    ctx,
    (ctx.t("tr_hours_title"), ctx.built(training.hours_chart, scope), "hours", "培训学时"),
    (ctx.t("tr_exam_title"), ctx.built(training.exam_chart, scope), "exam", "闭卷考试抽考"),
)

indicator = indicator_picker(ctx, "ti", training.RANKABLE, training.chosen_indicator(st.query_params.get("ti")))
side_by_side(
    ctx,
    (ctx.t("tr_children_title"), ctx.built(training.children_chart, scope, indicator), "children", "培训_下级地区"),
    (ctx.t("tr_agency_title"), ctx.built(training.agency_chart, scope, indicator), "agencies", "培训_执法部门"),
)
