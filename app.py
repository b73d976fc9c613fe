"""总览 Overview: where the chosen region stands against the 2023, 2024 and 2025 milestones."""

import plotly.express as px
import streamlit as st

from enforcement import status
from enforcement.i18n import status_label
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_overview")
f = ctx.filters
region = ctx.query("region_lineage", region_code=f.region).iloc[-1]

st.title(ctx.t("nav_overview") + f" · {region.region_name}")

counts = ctx.query("milestone_status_counts", region_code=f.region, as_of=f.as_of, plan_id=f.plan, task_area=f.area)
counts = counts[counts["milestone_year"].notna()]
st.subheader(ctx.t("milestones_by_status"))
st.caption(ctx.t("milestones_by_status_help", region=region.region_name, as_of=f.as_of.isoformat()))
if counts.empty:
    st.info(ctx.t("no_milestones"))
else:
    counts = counts.assign(
        year=counts["milestone_year"].astype(int).astype(str),
        status_label=[status_label(s, ctx.lang) for s in counts["status"]],
    )
    order = [status_label(s, ctx.lang) for s in status.MILESTONE_STATUSES]
    figure = px.bar(
        counts,
        x="item_count",
        y="year",
        color="status_label",
        orientation="h",
        category_orders={"status_label": order, "year": ["2023", "2024", "2025"]},
        color_discrete_map={status_label(s, ctx.lang): c for s, c in status.MILESTONE_COLORS.items()},
        labels={"item_count": ctx.t("count"), "year": ctx.t("milestone_year"), "status_label": ""},
    )
    figure.update_layout(legend_orientation="h", legend_y=-0.25, margin=dict(l=10, r=10, t=10, b=10), height=320)
    st.plotly_chart(figure, width="stretch")
    st.caption(ctx.caption())
    table = counts.pivot_table(index="year", columns="status", values="item_count", fill_value=0, aggfunc="sum")
    table = table.reindex(columns=[s for s in status.MILESTONE_STATUSES if s in table.columns])
    table.columns = [status_label(s, ctx.lang) for s in table.columns]
    table.index.name = ctx.t("milestone_year")
    st.dataframe(table, width="stretch")
