"""里程碑 Milestones: for one plan, the region x milestone status board, the deadline timeline, the clauses as
written, and which (milestone, region) pairs changed status since a date."""

import streamlit as st

from enforcement.content import milestone_charts, milestones
from enforcement.ui import blocks, plan_filters
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_milestones")
f = ctx.filters
plan = plan_filters.plan_header(ctx, "nav_milestones")

view = ctx.built(milestones.plan_view, f, plan.plan_id)
plan_items, board, summary = view.plan_items, view.board, view.summary
changes = ctx.built(milestones.status_changes, f, plan.plan_id)

metrics = st.columns(4)
metrics[0].metric(ctx.t("metric_milestones"), len(summary))
metrics[1].metric(
    ctx.t("metric_pairs"),
    milestones.applicable_pairs(summary),
    help=ctx.t("metric_pairs_help", n=int(summary["count_not_applicable"].sum())),
)
metrics[2].metric(ctx.t("metric_overdue"), int(summary["count_overdue"].sum()))
metrics[3].metric(ctx.t("metric_changes"), len(changes), help=ctx.t("changes_title") + f" {f.since} → {f.as_of}")

if board.empty:
    st.info(ctx.t("no_board", region=view.region_name))
else:
    help_key = "heatmap_help_township" if view.region_level == "township" else "heatmap_help"
    st.caption(ctx.t(help_key, region=view.region_name))
    transpose = plan_filters.url_toggle(ctx, "tr", "heatmap_transpose")
    board_charts = ctx.built(milestone_charts.board_charts, f, plan.plan_id, transpose)
    blocks.chart_with_data(ctx, board_charts.heatmap, board_charts.cells, key="heatmap", stem="milestone_board")
    st.caption(ctx.t("timeline_help", region=view.region_name))
    blocks.chart_with_data(ctx, board_charts.timeline, board_charts.points, key="timeline", stem="milestone_timeline")
    undated = summary[summary["deadline_date"].isna()]
    if not undated.empty:
        st.caption(ctx.t("timeline_undated", n=len(undated), items=", ".join(undated["milestone_id"])))

if view.note or not view.figures.empty:
    # What the document says besides its milestones: its figures achieved so far and notes on its text.
    st.subheader(ctx.t("plan_facts_title"))
    if view.note:
        st.caption(ctx.t("plan_note", note=view.note))
    if not view.figures.empty:
        st.caption(ctx.t("plan_figures_help"))
        blocks.data_table(ctx, view.figures, key="plan_figures", stem="reported_figures")

st.subheader(ctx.t("clause_title"))
milestone = plan_filters.milestone_picker(ctx, plan_items)
if milestone is not None:
    for key, value in milestones.clause_card(milestone).items():
        st.markdown(f"**{ctx.t('card_' + key)}**: {plan_filters.markdown_value(ctx, value)}")

st.subheader(ctx.t("changes_title"))
plan_filters.since_selector(ctx)
st.caption(ctx.t("changes_help", since=f.since.isoformat(), as_of=f.as_of.isoformat()))
if changes.empty:
    st.info(ctx.t("no_changes"))
else:
    table = milestones.changes_table(changes, ctx.lang)
    plan_filters.milestone_table(ctx, table, key="changes", stem="milestone_changes")
