"""数据导入 Import: templates, an upload checked row by row, all-or-nothing loading, and the import history."""

import logging

import streamlit as st

from enforcement.i18n import column_label, plain
from enforcement.transfer import datasets, export, importer, tabular, templates
from enforcement.transfer.validation import problem_summary, problems_frame
from enforcement.ui import blocks, transfer
from enforcement.ui.frame import page_frame

log = logging.getLogger(__name__)

ctx = page_frame("nav_import")
st.title(ctx.t("nav_import"))
st.markdown(ctx.t("import_intro"))

# 1. Templates
st.subheader(ctx.t("import_templates"))
for spec in datasets.IMPORTABLE.values():
    name = ctx.t(spec.label_key)
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(
        ctx.t("import_template_csv", name=name),
        templates.csv_template(spec),
        file_name=templates.file_name(spec, "csv"),
        mime=export.CSV_MIME,
        key=f"x_template_csv_{spec.key}",
        on_click="ignore",
    )
    xlsx_col.download_button(
        ctx.t("import_template_xlsx", name=name),
        data=lambda spec=spec: templates.xlsx_template(spec, ctx.runner()),
        file_name=templates.file_name(spec, "xlsx"),
        mime=export.XLSX_MIME,
        key=f"x_template_xlsx_{spec.key}",
        on_click="ignore",
    )
    with st.expander(ctx.t("import_template_notes", name=name)):
        st.dataframe(templates.notes_frame(spec, ctx.lang), hide_index=True, width="stretch")

# 2. Upload and check
st.subheader(ctx.t("import_upload"))
done = st.session_state.pop("x_import_done", None)
if done is not None:
    st.success(
        ctx.t(
            "import_done",
            id=done.import_id,
            inserted=f"{done.changes.inserted:,}",
            replaced=f"{done.changes.replaced:,}",
            unchanged=f"{done.changes.unchanged:,}",
        )
    )
failed = st.session_state.pop("x_import_failed", None)
if failed is not None:
    st.error(failed)
upload_round = st.session_state.get("x_upload_round", 0)
# The widget takes files up to the server's own cap, above our limit, so that a file over our limit gets our message
# in the user's language (Streamlit's refusal above its cap is English only).
uploaded = st.file_uploader(
    ctx.t("import_uploader", mb=tabular.MAX_BYTES // 1024 // 1024),
    help=ctx.t("import_uploader_help"),
    key=f"x_upload_{upload_round}",
    max_upload_size=transfer.UPLOAD_CAP_MB,
)


def check_and_offer(uploaded) -> None:
    """The check report of an upload, or what importing it would change and the button that does it."""
    data = uploaded.getvalue()
    try:
        checked = transfer.check_upload(
            ctx.version_file, importer.checksum_of(data), uploaded.name, ctx.lang, data, ctx.scope_key
        )
    except Exception as error:  # never a traceback, and never a server path, on the page: the details go to the log
        log.exception("checking an upload failed")
        st.error(ctx.t("import_failed_quiet", error=type(error).__name__))
        return
    if checked.dataset is not None:
        parts = (checked.encoding, checked.sheet and ctx.t("import_sheet_read", sheet=plain(checked.sheet)))
        details = "".join(f", {part}" for part in parts if part)
        st.markdown(
            ctx.t(
                "import_detected",
                dataset=ctx.t(checked.dataset.label_key),
                rows=f"{checked.result.rows_in_file:,}",
                details=details,
            )
        )
    if checked.result.ignored_columns:
        st.caption(ctx.t("import_ignored_columns", columns=plain("、".join(checked.result.ignored_columns))))
    if not checked.ok:
        transfer.record_check(ctx, checked)
        st.error(ctx.t("import_problems", n=f"{len(checked.problems):,}"))
        for problem in checked.problems:
            if problem.row is None:  # the file as a whole (a limit, an encoding, a sheet): said, not only listed
                st.warning(problem.shown or problem.reason)
        if len(checked.problems) > 10:
            with st.expander(ctx.t("import_problem_summary")):
                st.dataframe(blocks.labelled(problem_summary(checked.problems), ctx.lang), hide_index=True)
        widths = {
            column_label("row_no", ctx.lang): st.column_config.NumberColumn(width="small"),
            column_label("problem", ctx.lang): st.column_config.TextColumn(width="large"),
        }
        report = problems_frame(checked.problems)
        blocks.data_table(ctx, report, key="x_problems", stem="导入问题清单", column_config=widths)
        return
    earlier = ctx.query("imports_with_checksum", checksum_sha256=checked.checksum)
    if not earlier.empty:
        st.caption(
            ctx.t(
                "import_seen_before",
                when=f"{earlier['imported_at'].iloc[-1]:%Y-%m-%d %H:%M}",
                ids="、".join(str(i) for i in earlier["import_id"]),
            )
        )
    changes = checked.changes
    if not changes.any:
        st.success(ctx.t("import_nothing_to_do", n=f"{changes.unchanged:,}"))
    else:
        st.info(
            ctx.t(
                "import_ready",
                inserted=f"{changes.inserted:,}",
                replaced=f"{changes.replaced:,}",
                unchanged=f"{changes.unchanged:,}",
            )
        )
        if st.button(ctx.t("import_confirm"), type="primary", key="x_import_go"):
            with st.spinner(ctx.t("import_running")):
                try:
                    st.session_state["x_import_done"] = transfer.run_import(ctx, data, uploaded.name)
                    st.session_state["x_upload_round"] = upload_round + 1
                except importer.ImportRejected:
                    st.session_state["x_import_failed"] = ctx.t("import_rejected_now")
                except Exception as error:  # the database is unchanged: the new version was never published
                    log.exception("importing an upload failed")
                    st.session_state["x_import_failed"] = ctx.t("import_failed_quiet", error=type(error).__name__)
            st.rerun()


if uploaded is not None:
    check_and_offer(uploaded)

# 3. History
st.subheader(ctx.t("import_history"))
history = transfer.visible_history(ctx, ctx.query("import_history"))
if history.empty:
    st.caption(ctx.t("import_history_empty"))
else:
    history = transfer.history_for_reader(ctx, history)
    blocks.data_table(ctx, history, key="x_history", stem="导入记录")
    batch = st.selectbox(ctx.t("import_replaced_of"), history["import_id"].tolist(), key="x_replaced_batch")
    replaced_count = int(history.loc[history["import_id"] == batch, "rows_replaced"].iloc[0])
    if replaced_count == 0:
        st.caption(ctx.t("import_replaced_none"))
    elif st.toggle(ctx.t("import_replaced_show", id=int(batch), n=f"{replaced_count:,}"), key="x_replaced_show"):
        # Only when asked, and one page at a time: a large import replaces hundreds of thousands of rows.
        pages = max(1, -(-replaced_count // transfer.REPLACED_PAGE_ROWS))
        page = st.number_input(
            ctx.t("import_replaced_page", size=transfer.REPLACED_PAGE_ROWS, pages=f"{pages:,}"),
            min_value=1,
            max_value=pages,
            value=1,
            key="x_replaced_page",
        )
        replaced = transfer.replaced_rows(ctx, int(batch), int(page) - 1)
        blocks.data_table(ctx, replaced, key="x_replaced", stem=f"导入批次{int(batch)}_被替换的原数据_第{int(page)}页")
