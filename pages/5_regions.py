"""地区对比 Regions: rank the children of the region on one indicator, drill down by a click, go back up the path."""

import streamlit as st

from enforcement.content import drilldown, indicators
from enforcement.ui.blocks import chart_with_data
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_regions")
f = ctx.filters
catalog = ctx.query("indicator_catalog")
options = drilldown.indicator_options(catalog)
indicator = ctx.url_choice("ind", options, drilldown.DEFAULT_INDICATOR)
# The chosen indicator lives in the URL (?ind=…) so a shared link ranks on the same one.
page_params = {} if indicator == drilldown.DEFAULT_INDICATOR else {"ind": indicator}


def _on_indicator() -> None:
    chosen = st.session_state["regions_ind"]
    if chosen == drilldown.DEFAULT_INDICATOR:
        del st.query_params["ind"]
    else:
        st.query_params["ind"] = chosen


# The path from 全国 down to here, each step a link back up that keeps the other filters.
crumbs = drilldown.breadcrumb(ctx.query("region_lineage", region_code=f.region), ctx.lang)
st.title(ctx.t("nav_regions") + f" · {crumbs[-1][1]}")
with st.container(horizontal=True, gap="small", vertical_alignment="center"):
    for code, name in crumbs[:-1]:
        ctx.page_link("pages/5_regions.py", name, region=code, **page_params)
        st.markdown("›")
    st.markdown(f"**{crumbs[-1][1]}**")

st.session_state["regions_ind"] = indicator
st.selectbox(
    ctx.t("rg_indicator"),
    options,
    format_func=lambda key: drilldown.indicator(key, catalog, ctx.lang).name,
    key="regions_ind",
    on_change=_on_indicator,
)
info = drilldown.indicator(indicator, catalog, ctx.lang)
period = indicators.indicator_period(f)
st.caption(ctx.t("rg_period", period=period.label(ctx.lang), as_of=f.as_of.isoformat()))

children = ctx.query("region_children", parent_code=f.region)
if children.empty:
    st.info(ctx.t("rg_leaf", region=crumbs[-1][1]))
    ctx.page_link("app.py", ctx.t("rg_open_overview", region=crumbs[-1][1]))
else:
    if indicator == drilldown.MILESTONE_INDICATOR:
        counts = ctx.query(
            "subtree_milestone_counts", region_code=f.region, as_of=f.as_of, plan_id=f.plan, task_area=f.area
        )
        values = tile_values = None
    else:
        counts = None
        values = ctx.query(
            "indicators_by_child",
            region_code=f.region,
            **period.params(),
            domain_code=f.domain,
            plan_id=f.plan,
            indicator_keys=None,
            sources=None,
        )
        tile_values = ctx.query(
            "subtree_indicator_tiles",
            region_code=f.region,
            month=period.month,
            domain_code=f.domain,
            indicator_key=indicator,
            sources=list(info.sources),
        )
    rows, parent = drilldown.ranking(indicator, values, counts, ctx.lang, info.higher_is_better)

    st.markdown(drilldown.target_caption(rows, ctx.lang))
    st.caption(
        " · ".join(
            [
                ctx.t("rg_definition", definition=info.definition),
                ctx.t("rg_average_note", region=crumbs[-1][1]),
                ctx.t("rg_click_hint"),
            ]
        )
    )
    # The key names the level: after a drill-down the old chart (and its selection) is gone, so going back up
    # never replays a stale click.
    event = chart_with_data(
        ctx,
        drilldown.ranking_figure(rows, parent, info, ctx.lang),
        drilldown.display_table(rows),
        key=f"regions_rank_{f.region}_{indicator}",
        stem=f"ranking_{indicator}",
        on_select="rerun",
        selection_mode="points",
    )
    missing = drilldown.no_data_names(rows)
    if missing:
        st.caption(ctx.t("rg_no_data", n=len(missing), names="、".join(missing)))
    target = drilldown.drill_target(event, children["region_code"].tolist())
    if target is not None:
        ctx.set_filters(region=target)
        st.rerun()

    st.caption(ctx.t("rg_treemap_help"))
    tiles = drilldown.tiles(tile_values, counts, indicator)
    chart_with_data(
        ctx,
        drilldown.treemap_figure(tiles, info, ctx.lang),
        tiles,
        key=f"regions_tiles_{f.region}_{indicator}",
        stem=f"subtree_{indicator}",
    )
