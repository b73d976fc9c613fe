"""KPI cards, the one widget every page draws its cards with: a bordered card per figure with its red/amber/green
stripe, value, change, judgement and target, its recent course, and the source on hover."""

from __future__ import annotations

import html

import streamlit as st

from enforcement.content.indicators import Card, format_value, rag
from enforcement.content.overview import PlanRegion
from enforcement.rules import status
from enforcement.ui.frame import PageContext

# Cards are containers keyed kpi_<rag>_<n>; Streamlit gives them the class st-key-<key>, which this colours.
_CSS = "".join(
    f'[class*="st-key-kpi_{rag}_"] {{ border-left: 6px solid {color} !important; }}'
    for rag, color in status.RAG_COLORS.items()
)


def kpi_grid(cards: list[Card], columns: int, key: str) -> None:
    """Cards in rows of `columns` (Streamlit stacks the columns on a phone)."""
    st.html(f"<style>{_CSS}</style>")
    for start in range(0, len(cards), columns):
        row = st.columns(columns)
        for n, (column, card) in enumerate(zip(row, cards[start : start + columns], strict=False)):
            with column:
                kpi_card(card, f"{key}_{start + n}")


def kpi_card(card: Card, key: str) -> None:
    """One card: title, value and change (st.metric), then the judgement in its colour and the target."""
    with st.container(border=True, key=f"kpi_{card.rag}_{key}"):
        st.metric(
            card.title,
            card.value_text,
            delta=card.delta_text,
            delta_color=card.delta_color,
            delta_description=card.delta_note if card.delta_text else None,
            help=card.help or None,
            chart_data=list(card.sparkline) or None,
            chart_type="line",
        )
        if not card.status_text:
            return
        if card.judgement == "no_target":
            st.caption(card.status_text)
            return
        judgement, _, rest = card.status_text.partition(" · ")
        detail = f'<span style="color:#555"> · {html.escape(rest)}</span>' if rest else ""
        st.markdown(
            f'<span style="color:{card.color};font-weight:600">● {html.escape(judgement)}</span>{detail}',
            unsafe_allow_html=True,
        )


def plan_cards(ctx: PageContext, regions: list[PlanRegion]) -> None:
    """A card per plan's region, coloured by its milestones, its name a link to its own overview."""
    st.html(f"<style>{_CSS}</style>")
    for start in range(0, len(regions), 3):
        row = st.columns(3)
        for column, region in zip(row, regions[start : start + 3], strict=False):
            with column, st.container(border=True, key=f"kpi_{rag(region.judgement)}_plan_{region.plan_id}"):
                ctx.page_link("app.py", f"**{region.region_name}**", region=region.region_code)
                st.caption(region.plan_title)
                shares = [
                    ctx.t("ov_plan_done", year=year, share=format_value(share, "%", ctx.lang))
                    for year, share in region.done_shares.items()
                ]
                st.markdown("  \n".join(shares))
                st.caption(
                    ctx.t("ov_plan_overdue", n=region.overdue, items=region.items)
                    + " · "
                    + ctx.t("ov_plan_indicators", missed=region.indicators_missed, judged=region.indicators_judged)
                )
