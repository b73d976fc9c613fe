"""Drawing blocks shared by pages: a chart with its caption and the numbers behind it, a table with download."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from enforcement.i18n import column_label
from enforcement.transfer import audited, export
from enforcement.ui import gate
from enforcement.ui.frame import PageContext

MISSING = "—"
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def file_name(ctx: PageContext, stem: str, extension: str = "csv") -> str:
    """A download name that says what it is: dataset, region, as-of date, and sample data when it is."""
    region = re.sub(r'[\\/:*?"<>|]', "_", ctx.region_name)
    kind = f"_{ctx.t(f'file_kind_{ctx.data_kind}')}" if ctx.data_kind in ("sample", "mixed") else ""
    return f"{stem}_{region}_{ctx.filters.as_of.isoformat()}{kind}.{extension}"


def table_context(ctx: PageContext) -> list[tuple[str, str]]:
    """What a table's CSV says of itself on its first line (as a dataset export does): region, as-of date, period,
    domain, data version and whether the figures are sample."""
    f = ctx.filters
    facts = [
        (ctx.t("fact_region"), ctx.t("fact_region_value", name=ctx.region_name, code=f.region)),
        (ctx.t("fact_as_of"), f.as_of.isoformat()),
        (ctx.t("fact_period"), ctx.t("period_span", start=f"{f.period_from:%Y-%m}", end=f"{f.effective_to:%Y-%m}")),
    ]
    if f.domain:
        facts.append((ctx.t("fact_domain"), f.domain))
    facts += [
        (ctx.t("fact_data_version"), ctx.meta.get("data_version", "")),
        (ctx.t("fact_data_kind"), ctx.t(f"data_kind_{ctx.data_kind}")),
    ]
    return facts


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame with translated column headers, for display."""
    return frame.rename(columns={column: column_label(column, lang) for column in frame.columns})


def data_table(
    ctx: PageContext, data: pd.DataFrame, *, key: str, stem: str, column_config=None, style=None, height="auto"
) -> None:
    """A table and a download of exactly its rows (CSV with BOM, translated headers).

    style: optional function from the labelled frame to a pandas Styler (e.g. cells in status colours).
    """
    shown = labelled(data, ctx.lang)
    st.dataframe(
        style(shown) if style else shown,
        hide_index=True,
        width="stretch",
        height=height,
        column_config=column_config,
        placeholder=MISSING,  # never "None" for a missing value
    )
    if not ctx.may("export"):  # a viewer browses; taking the numbers away is an export
        return
    lang, name, context = ctx.lang, file_name(ctx, stem), table_context(ctx)
    record = gate.recorder(ctx.access, _table_event(ctx, data, stem, name)) if ctx.access is not None else None
    st.download_button(
        ctx.t("download_csv"),
        # Written when the button is clicked, not on every run: a page draws a dozen of these tables.
        lambda: gate.deliver(export.csv_bytes(data, lang, context), record, lang),
        file_name=name,
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",
    )


def _table_event(ctx: PageContext, data: pd.DataFrame, stem: str, name: str):
    """The audit entry of a table's download: which table, the page's filters, how many rows."""
    filters = ctx.filters
    return audited.table_export_event(
        ctx.access.actor,
        table=stem,
        file_name=name,
        rows=len(data),
        region_code=filters.region,
        filters={
            "region": filters.region,
            "as_of": filters.as_of.isoformat(),
            "from": f"{filters.period_from:%Y-%m}",
            "to": f"{filters.period_to:%Y-%m}",
            **{name: value for name, value in st.query_params.to_dict().items() if len(name) <= 16},
        },
        month_from=filters.period_from,
        month_to=filters.effective_to,
    )


def chart_with_data(
    ctx: PageContext,
    figure: go.Figure,
    data: pd.DataFrame,
    *,
    key: str,
    stem: str,
    on_select=None,
    selection_mode="points",
):
    """A chart, the line saying what date and what kind of data it shows, and its numbers one click away.

    Returns the selection state when on_select is given (for drill-down), else None.
    """
    kwargs = {"on_select": on_select, "selection_mode": selection_mode} if on_select else {}
    state = st.plotly_chart(figure, width="stretch", key=key, config=PLOTLY_CONFIG, **kwargs)
    st.caption(ctx.caption())
    with st.expander(ctx.t("show_data") + " · " + ctx.t("rows", n=len(data))):
        data_table(ctx, data, key=key, stem=stem)
    return state if on_select else None
