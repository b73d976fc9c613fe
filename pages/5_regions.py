"""地区对比 Regions: rank the children of the region on one indicator, drill down by a click, go back up the path."""

import streamlit as st

from enforcement.content import drilldown
from enforcement.ui.blocks import chart_with_data
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_regions")
f = ctx.filters
catalog = ctx.query("indicator_catalog")
options = drilldown.indicator_options(catalog)
default = drilldown.default_indicator(ctx.query("plans_for_region", region_code=f.region), options)
indicator = ctx.url_choice("ind", options, default)
# The chosen indicator lives in the URL (?ind=…) so a shared link ranks on the same one.
page_params = {} if indicator == default else {"ind": indicator}


def _on_indicator() -> None:
    chosen = st.session_state["regions_ind"]
    if chosen == default:
        del st.query_params["ind"]
    else:
        st.query_params["ind"] = chosen


view = ctx.built(drilldown.regions_view, f, indicator)
here = view.crumbs[-1][1]
st.title(ctx.t("nav_regions") + f" · {here}")
# The path from 全国 down to here, each step a link back up that keeps the other filters.
with st.container(horizontal=True, gap="small", vertical_alignment="center"):
    for code, name in view.crumbs[:-1]:
        ctx.page_link("pages/5_regions.py", name, region=code, **page_params)
        st.markdown("›")
    st.markdown(f"**{here}**")

st.session_state["regions_ind"] = indicator
st.selectbox(
    ctx.t("rg_indicator"),
    options,
    format_func=lambda key: drilldown.indicator(key, catalog, ctx.lang).name,
    key="regions_ind",
    on_change=_on_indicator,
)
st.caption(ctx.t("rg_period", period=view.period.label(ctx.lang), as_of=f.as_of.isoformat()))

if not view.child_codes:
    st.info(ctx.t("rg_leaf", region=here))
    ctx.page_link("app.py", ctx.t("rg_open_overview", region=here))
else:
    st.markdown(view.target_caption)
    st.caption(
        " · ".join(
            [
                ctx.t("rg_definition", definition=view.info.definition),
                ctx.t("rg_average_note", region=here),
                ctx.t("rg_click_hint"),
            ]
        )
    )
    # The key names the level: after a drill-down the old chart (and its selection) is gone, so going back up
    # never replays a stale click.
    event = chart_with_data(
        ctx,
        view.ranking_figure,
        view.ranking_table,
        key=f"regions_rank_{f.region}_{indicator}",
        stem=f"ranking_{indicator}",
        on_select="rerun",
        selection_mode="points",
    )
    if view.no_data_names:
        st.caption(ctx.t("rg_no_data", n=len(view.no_data_names), names="、".join(view.no_data_names)))
    target = drilldown.drill_target(event, view.child_codes)
    if target is not None:
        ctx.set_filters(region=target)
        st.rerun()

    st.caption(ctx.t("rg_treemap_help"))
    chart_with_data(
        ctx,
        view.treemap_figure,
        view.tiles,
        key=f"regions_tiles_{f.region}_{indicator}",
        stem=f"subtree_{indicator}",
    )
