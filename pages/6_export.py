"""数据导出 Export: a dataset of the chosen region's subtree, level and period, as CSV for Excel or as .xlsx."""

import pandas as pd
import streamlit as st

from enforcement.i18n import column_label, level_label
from enforcement.transfer import datasets, export
from enforcement.ui import transfer
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_export")
f = ctx.filters
st.title(ctx.t("nav_export"))
st.caption(ctx.t("export_intro"))

# Page state in the URL (ds: dataset, lvl: level), checked against the known lists.
dataset_key = ctx.url_choice("ds", list(datasets.DATASETS), "cases")
lineage = ctx.query("region_lineage", region_code=f.region)
levels = list(datasets.LEVELS[int(lineage.iloc[-1]["level_no"]) :])
level = ctx.url_choice("lvl", levels, "")


def _on_dataset_change() -> None:
    st.query_params["ds"] = st.session_state["x_dataset"]


def _on_level_change() -> None:
    chosen = st.session_state["x_level"]
    if chosen:
        st.query_params["lvl"] = chosen
    elif "lvl" in st.query_params:
        del st.query_params["lvl"]


dataset_col, level_col = st.columns(2)
st.session_state["x_dataset"] = dataset_key
dataset_col.selectbox(
    ctx.t("export_dataset"),
    list(datasets.DATASETS),
    format_func=lambda key: ctx.t(datasets.DATASETS[key].label_key),
    key="x_dataset",
    on_change=_on_dataset_change,
)
spec = datasets.DATASETS[dataset_key]
st.caption(ctx.t(f"ds_help_{dataset_key}"))

st.session_state["x_level"] = level
level_col.selectbox(
    ctx.t("export_level"),
    ["", *levels],
    format_func=lambda value: level_label(value, ctx.lang) if value else ctx.t("level_all"),
    key="x_level",
    on_change=_on_level_change,
)
transfer.period_selectors(ctx)
columns = st.multiselect(
    ctx.t("export_columns"),
    list(spec.columns),
    default=list(spec.default_columns),
    format_func=lambda name: column_label(name, ctx.lang),
    key=f"x_columns_{dataset_key}",
)
if not columns:
    st.warning(ctx.t("export_columns_empty"))
    st.stop()

request = export.ExportRequest(
    dataset=dataset_key,
    region_code=f.region,
    month_from=f.period_from,
    month_to=f.period_to,
    as_of=f.as_of,
    level=level or None,
    columns=tuple(columns),
    lang=ctx.lang,
    # the shared 执法领域 filter: cases of that domain, training of its agencies (the catalogues are not by domain)
    domain=f.domain if dataset_key in ("cases", "training") else None,
)
try:
    rows = transfer.row_count(ctx.version_file, request)
    sample = transfer.preview(ctx.version_file, request)
except Exception as error:  # never a traceback on the page
    transfer.log.exception("export count or preview failed for %s", request)
    st.error(
        ctx.t("export_failed", reason=str(error) if isinstance(error, export.ExportError) else type(error).__name__)
    )
    st.stop()
period = ctx.t("period_span", start=f"{request.month_from:%Y-%m}", end=f"{request.last_month:%Y-%m}")
st.metric(ctx.t("export_rows"), f"{rows:,}")
st.caption(
    ctx.t(
        "export_scope",
        region=ctx.region_name,
        level=level_label(level, ctx.lang) if level else ctx.t("level_all"),
        period=period + ctx.t(f"fact_period_{spec.period_meaning}"),
    )
    + (f" · {ctx.t('domain')}: {transfer.domain_name(ctx, request.domain)}" if request.domain else "")
)
if rows == 0:
    st.info(ctx.t("export_no_rows"))
    st.stop()

facts = export.facts(request, ctx.region_name, ctx.meta, rows, domain_name=transfer.domain_name(ctx, request.domain))
csv_col, xlsx_col = st.columns(2)
# Every size downloads: above a million rows the CSV comes compressed (.zip), a tenth of the size.
csv_format = "zip" if rows > transfer.CSV_ZIP_ROWS else "csv"
csv_col.download_button(
    ctx.t("export_download_csv"),
    data=transfer.recorded_download(ctx, request, csv_format, rows),
    file_name=transfer.download_name(ctx, request, csv_format),
    mime="application/zip" if csv_format == "zip" else export.CSV_MIME,
    key="x_download_csv",
    on_click="ignore",
    type="primary",
)
if csv_format == "zip":
    csv_col.caption(ctx.t("export_csv_zipped", n=f"{rows:,}", limit=f"{transfer.CSV_ZIP_ROWS:,}"))
if rows > export.XLSX_MAX_ROWS:
    xlsx_col.warning(
        ctx.t("xlsx_too_many_rows", n=f"{rows:,}", limit=f"{export.XLSX_MAX_ROWS + 1:,}"),
    )
else:
    xlsx_col.download_button(
        ctx.t("export_download_xlsx"),
        data=transfer.recorded_download(ctx, request, "xlsx", rows),
        file_name=transfer.download_name(ctx, request, "xlsx"),
        mime=export.XLSX_MIME,
        key="x_download_xlsx",
        on_click="ignore",
    )

csv_file = "csv.zip" if csv_format == "zip" else "csv"
button_labels = {csv_file: ctx.t("export_download_csv"), "xlsx": ctx.t("export_download_xlsx")}
for fmt, seconds in export.noticeable_waits(rows, [csv_file, "xlsx"]):
    st.caption(ctx.t("export_wait", file=button_labels[fmt], seconds=seconds, n=f"{rows:,}"))

with st.expander(ctx.t("export_side_note")):
    st.caption(ctx.t("export_side_note_help"))
    st.dataframe(pd.DataFrame(facts, columns=[ctx.t("fact_item"), ctx.t("fact_value")]), hide_index=True)

st.subheader(ctx.t("export_preview", n=len(sample)))
st.dataframe(sample, hide_index=True, width="stretch")
