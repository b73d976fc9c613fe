"""Page widgets of the milestone pages: plan, task area, 'changed since', status and unit filters, all in the URL.

Like the frame's widgets, each takes its value from the URL on every run and writes changes back in its callback,
so a copied link reproduces the view. Values from the URL are checked against the known options.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from enforcement.content.milestones import PlanChoice, choose_plan, status_styler
from enforcement.i18n import column_label, plain, status_label
from enforcement.rules import status
from enforcement.rules.filters import default_since
from enforcement.ui import blocks
from enforcement.ui.frame import PageContext

# Page parameters that only make sense within one plan: dropped when the plan changes.
PLAN_SCOPED_PARAMS = ("area", "unit", "m")
PROGRESS_COLOR = "#607d8b"


def _set_param(key: str, value: str | list[str] | None) -> None:
    if value in (None, "", []):
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = value


def _on_plan_change() -> None:
    _set_param("plan", st.session_state["p_plan"])
    for key in PLAN_SCOPED_PARAMS:
        _set_param(key, None)


def plan_selector(ctx: PageContext) -> PlanChoice:
    """The plan to show (see milestones.choose_plan), with a selectbox among the plans concerning the region."""
    plans = ctx.query("plans_for_region", region_code=ctx.filters.region)
    choice = choose_plan(plans, ctx.filters.plan)
    if choice.plan_id is None:
        return choice
    names = {
        row.plan_id: f"{row.issuer_region_name} · {row.title}" + ("" if row.governs else f" ({ctx.t('plan_below')})")
        for row in plans.itertuples()
    }
    st.session_state["p_plan"] = choice.plan_id
    st.selectbox(ctx.t("plan"), list(names), format_func=names.get, key="p_plan", on_change=_on_plan_change)
    if choice.rejected:
        st.warning(ctx.t("plan_rejected", plan=plain(choice.rejected), region=ctx.region_name))
    elif not choice.governs and len(names) > 1:
        st.info(ctx.t("plan_not_governing", region=ctx.region_name))
    return choice


def _on_area_change() -> None:
    _set_param("area", st.session_state["p_area"])
    _set_param("m", None)


def plan_header(ctx: PageContext, title_key: str) -> PlanChoice:
    """The title of a plan page, the plan and its task area; the page stops with a note when no plan concerns the
    region."""
    st.title(ctx.t(title_key) + f" · {ctx.region_name}")
    left, right = st.columns([3, 2])
    with left:
        plan = plan_selector(ctx)
    if plan.plan_id is None:
        st.info(ctx.t("no_plans", region=ctx.region_name))
        st.stop()
    with right:
        area_selector(ctx, plan.plan_id)
    return plan


def area_selector(ctx: PageContext, plan_id: str) -> None:
    """Task area of the plan (the shared area filter); 'all' clears it."""
    milestones = ctx.query("plan_milestones", plan_id=plan_id, task_area=None)
    areas = list(dict.fromkeys(milestones["task_area"]))
    if ctx.filters.area and ctx.filters.area not in areas:
        areas.append(ctx.filters.area)
    st.session_state["p_area"] = ctx.filters.area or ""
    st.selectbox(
        ctx.t("task_area"),
        ["", *areas],
        help=ctx.t("task_area_help"),
        format_func=lambda area: area or ctx.t("area_all"),
        key="p_area",
        on_change=_on_area_change,
    )


def _on_since_change(as_of: dt.date) -> None:
    chosen = st.session_state["p_since"]
    if chosen is not None:
        _set_param("since", None if chosen == default_since(as_of) else chosen.isoformat())


def since_selector(ctx: PageContext) -> dt.date:
    """The 'changed since' date (shared filter since), at most the as-of date."""
    st.session_state["p_since"] = ctx.filters.since
    st.date_input(
        ctx.t("since"),
        min_value=ctx.choices.first_month,
        max_value=ctx.filters.as_of,
        key="p_since",
        help=ctx.t("typed_date_help"),
        on_change=_on_since_change,
        width=220,
        args=(ctx.filters.as_of,),
    )
    return ctx.filters.since


def _on_list_change(key: str) -> None:
    _set_param(key, list(st.session_state[f"p_{key}"]))


def status_filter(ctx: PageContext) -> list[str]:
    """Statuses to keep (URL parameter st); empty means all."""
    allowed = list(status.MILESTONE_STATUSES)
    st.session_state["p_st"] = ctx.url_choices("st", allowed)
    st.multiselect(
        ctx.t("status_filter"),
        allowed,
        format_func=lambda code: status_label(code, ctx.lang),
        key="p_st",
        on_change=_on_list_change,
        args=("st",),
        placeholder=ctx.t("ms_filter_all"),
        help=ctx.t("status_filter_help"),
    )
    return list(st.session_state["p_st"])


def unit_filter(ctx: PageContext, plan_id: str) -> list[str]:
    """Lead or responsible units to keep (URL parameter unit); empty means all."""
    allowed = ctx.query("plan_units", plan_id=plan_id)["unit_name"].tolist()
    st.session_state["p_unit"] = ctx.url_choices("unit", allowed)
    st.multiselect(
        ctx.t("unit_filter"),
        allowed,
        key="p_unit",
        on_change=_on_list_change,
        args=("unit",),
        placeholder=ctx.t("ms_filter_all"),
    )
    return list(st.session_state["p_unit"])


def _on_milestone_change() -> None:
    _set_param("m", st.session_state["p_m"])


def milestone_picker(ctx: PageContext, milestones: pd.DataFrame) -> pd.Series | None:
    """A milestone of the plan chosen by the user (URL parameter m), default the first."""
    if milestones.empty:
        return None
    ids = milestones["milestone_id"].tolist()
    st.session_state["p_m"] = ctx.url_choice("m", ids, ids[0])
    info = milestones.set_index("milestone_id")
    st.selectbox(
        ctx.t("clause_pick"),
        ids,
        format_func=lambda m: f"{m} {info.at[m, 'clause_path']} · {info.at[m, 'requirement']}",
        key="p_m",
        on_change=_on_milestone_change,
    )
    return info.loc[st.session_state["p_m"]].rename(st.session_state["p_m"])


def column_config(ctx: PageContext, columns) -> dict:
    """Readable column types (dates, progress bars, wide text) for the columns of a table, by translated header."""
    # progress bars in a neutral colour: red and green mean statuses on these pages; one decimal, as every percentage
    # the app writes (indicators.format_value): an average of 99.6 % is not shown as 100 % beside an overdue item
    progress = dict(min_value=0, max_value=100, format="%.1f%%", color=PROGRESS_COLOR)
    specs = {
        "percent_complete": st.column_config.ProgressColumn(**progress),
        "old_percent_complete": st.column_config.ProgressColumn(**progress),
        "deadline_date": st.column_config.DateColumn(format="YYYY-MM-DD"),
        "completed_on": st.column_config.DateColumn(format="YYYY-MM-DD"),
        "changed_on": st.column_config.DateColumn(format="YYYY-MM-DD"),
        "report_date": st.column_config.DateColumn(format="YYYY-MM-DD"),
        "requirement": st.column_config.TextColumn(width="medium"),
        "evidence_note": st.column_config.TextColumn(width="medium"),
        "status_counts": st.column_config.TextColumn(width="medium"),
        "is_ongoing": st.column_config.CheckboxColumn(),
    }
    return {column_label(column, ctx.lang): specs[column] for column in columns if column in specs}


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$"})


def markdown_value(ctx: PageContext, value: object) -> str:
    """A value of the clause card as safe Markdown text (yes/no for flags, a note for what the document omits)."""
    if isinstance(value, bool):
        return ctx.t("ms_yes") if value else ctx.t("ms_no")
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return ctx.t("card_none")
    return str(value).translate(_MARKDOWN_SPECIAL)


def _on_toggle_change(key: str) -> None:
    _set_param(key, "1" if st.session_state[f"p_{key}"] else None)


def url_toggle(ctx: PageContext, key: str, label_key: str) -> bool:
    """An on/off switch kept in the URL as key=1 (absent: off)."""
    st.session_state[f"p_{key}"] = ctx.url_choice(key, ["1"], "") == "1"
    st.toggle(ctx.t(label_key), key=f"p_{key}", on_change=_on_toggle_change, args=(key,))
    return bool(st.session_state[f"p_{key}"])


def milestone_table(ctx: PageContext, table: pd.DataFrame, *, key: str, stem: str, styled: bool = True) -> None:
    """A table of milestone items or counts: readable column types, statuses in their colours (when it has them),
    with its download button (blocks.data_table)."""
    style = status_styler(ctx.lang) if styled else None
    blocks.data_table(ctx, table, key=key, stem=stem, column_config=column_config(ctx, table.columns), style=style)
