"""Drawing blocks of the 培训 and 案件 pages: the scope line, the yardstick plan, a ranking picker and a
titled chart section. The content itself comes from enforcement.training / enforcement.cases."""

from __future__ import annotations

import streamlit as st

from enforcement.content.trends import Chart, Scope, target_source
from enforcement.ui import blocks
from enforcement.ui.frame import PageContext


def trend_page_head(ctx: PageContext, title_key: str) -> Scope:
    """The head of a trend page: the title with the region, the scope line; a notice and nothing more when the
    filters leave no month to count."""
    scope = Scope.of(ctx.filters, ctx.region_name)
    st.title(f"{ctx.t(title_key)} · {scope.region_name}")
    if scope.is_empty:
        st.info(ctx.t("trend_empty_period"))
        st.stop()
    scope_header(ctx, scope)
    return scope


def scope_header(ctx: PageContext, scope: Scope) -> None:
    """What the page counts: the months, the domain, and where the targets come from (or a yardstick to choose)."""
    stop = ""
    if ctx.filters.period_to > scope.month_to:
        stop = ctx.t("trend_months_stop", month=f"{scope.month_to:%Y-%m}")
    st.caption(ctx.t("trend_months", period=scope.period_text(), stop=stop))
    source = target_source(ctx.query, scope)
    st.caption(source.note)
    if not source.governed and source.plan_choices:
        options = ["", *source.plan_choices]
        st.session_state["p_yardstick"] = ctx.filters.plan or ""
        st.selectbox(
            ctx.t("trend_yardstick"),
            options,
            format_func=lambda plan: source.plan_choices.get(plan, ctx.t("trend_yardstick_none")),
            key="p_yardstick",
            on_change=lambda: ctx.set_filters(plan=st.session_state["p_yardstick"] or None),
        )


def indicator_picker(ctx: PageContext, param: str, options: tuple[str, ...], chosen: str) -> str:
    """A selectbox for the ranking indicator, kept in the URL as ?<param>= (the first option is the default)."""
    names = ctx.query("indicator_list")
    labels = dict(zip(names["indicator_key"], names["name_en" if ctx.lang == "en" else "name_zh"], strict=False))
    key = f"p_{param}"
    chosen = ctx.url_choice(param, options, chosen)
    st.session_state[key] = chosen

    def on_change() -> None:
        value = st.session_state[key]
        if value == options[0]:
            st.query_params.pop(param, None)
        else:
            st.query_params[param] = value

    st.selectbox(ctx.t("trend_rank_by"), options, format_func=lambda k: labels.get(k, k), key=key, on_change=on_change)
    return chosen


def chart_section(ctx: PageContext, title: str, chart: Chart, *, key: str, stem: str) -> None:
    """A titled chart with its note, the as-of caption and its numbers (or a line saying there is nothing to draw)."""
    st.subheader(title)
    if chart.empty:
        st.info(chart.note or ctx.t("no_data"))
        return
    if chart.note:
        st.caption(chart.note)
    blocks.chart_with_data(ctx, chart.figure, chart.data, key=key, stem=stem)


def side_by_side(ctx: PageContext, *sections: tuple[str, Chart, str, str]) -> None:
    """Chart sections next to each other (Streamlit stacks them on a phone); each is (title, chart, key, stem)."""
    for column, (title, chart, key, stem) in zip(st.columns(len(sections)), sections, strict=True):
        with column:
            chart_section(ctx, title, chart, key=key, stem=stem)
