"""任务台账 Task ledger: a plan's tasks in the region with units, deadlines and status per region, and what is overdue."""

import streamlit as st

from enforcement.content import milestones
from enforcement.ui import plan_filters
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_ledger")
f = ctx.filters
plan = plan_filters.plan_header(ctx, "nav_ledger")
left, right = st.columns(2)
with left:
    statuses = plan_filters.status_filter(ctx)
with right:
    units = plan_filters.unit_filter(ctx, plan.plan_id)

view = ctx.built(milestones.plan_view, f, plan.plan_id, tuple(statuses), tuple(units))
summary, board, labels = view.summary, view.board, view.labels
overdue = ctx.built(milestones.overdue, f, plan.plan_id, tuple(units), ctx.lang)

metrics = st.columns(2)
metrics[0].metric(ctx.t("metric_items"), len(summary))
metrics[1].metric(ctx.t("metric_overdue"), len(overdue))

st.subheader(ctx.t("ledger_title"))
st.caption(ctx.t("ledger_help", region=view.region_name, as_of=f.as_of.isoformat()))
if summary.empty:
    st.info(ctx.t("no_ledger"))
elif milestones.is_wide(labels):
    table = milestones.ledger_wide(summary, board, labels, ctx.lang)
    plan_filters.milestone_table(ctx, table, key="ledger", stem="task_ledger")
else:
    st.caption(ctx.t("ledger_help_counts", n=len(labels)))
    table = milestones.ledger_counts(summary, ctx.lang)
    plan_filters.milestone_table(ctx, table, key="ledger", stem="task_ledger")
    st.subheader(ctx.t("ledger_long_title"))
    long = milestones.ledger_long(summary, board, labels, ctx.lang)
    plan_filters.milestone_table(ctx, long, key="ledger_long", stem="task_ledger_by_region")

st.subheader(ctx.t("overdue_title"))
st.caption(ctx.t("overdue_help", region=view.region_name, as_of=f.as_of.isoformat()))
if overdue.empty:
    st.info(ctx.t("no_overdue"))
else:
    plan_filters.milestone_table(ctx, overdue, key="overdue", stem="overdue_items", styled=False)
