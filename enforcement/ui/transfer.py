"""Page helpers of the export and import pages: cached counts and checks, safe download callables, period pickers.

The logic lives in enforcement.export / importer / templates (testable without Streamlit); this module only adds
caching keyed on the database version and turns failures into messages instead of tracebacks.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from enforcement.access import trail
from enforcement.access.scope import Scope
from enforcement.access.store import StoreError
from enforcement.content import uses
from enforcement.i18n import t
from enforcement.storage import store
from enforcement.transfer import audited, datasets, export, importer
from enforcement.ui import gate
from enforcement.ui.frame import PageContext, runner_for

log = logging.getLogger(__name__)

# Above this many rows the CSV downloads compressed (.zip): the file is built in server memory, and zipped it takes a
# tenth of it (4.4 M rows: ~50 MB instead of ~500 MB).
CSV_ZIP_ROWS = 1_000_000
# The upload widget's cap: the server's own (server.maxUploadSize in .streamlit/config.toml), above the import's limit.
UPLOAD_CAP_MB = 110
REPLACED_PAGE_ROWS = 100


@uses("export.row_count")
@st.cache_data(ttl="1h", max_entries=500, show_spinner=False)
def row_count(version_file: str, request: export.ExportRequest) -> int:
    return export.row_count(runner_for(version_file), request)


@uses("export.preview")
@st.cache_data(ttl="1h", max_entries=200, show_spinner=False)
def preview(version_file: str, request: export.ExportRequest, limit: int = 50) -> pd.DataFrame:
    return export.preview(runner_for(version_file), request, limit)


def download(
    version_file: str,
    request: export.ExportRequest,
    fmt: str,
    region_name: str,
    meta: dict[str, str],
    rows: int,
    record: Callable[[], object] | None = None,
    domain_name: str | None = None,
    csv_name: str | None = None,
) -> Callable[[], bytes]:
    """A callable for st.download_button: builds the file only when clicked, on Streamlit's download thread.

    The 说明 facts are written at that moment (export time). On failure the download is a short text file saying
    what went wrong: a callable cannot draw on the page, and the user must never get a traceback.
    record: writes the export to the audit trail once the file is built; if it cannot, the file is withheld.
    """

    def build() -> bytes:
        try:
            facts = export.facts(request, region_name, meta, rows, domain_name=domain_name)
            data = export.file_bytes(runner_for(version_file), request, fmt, facts, csv_name=csv_name)
        except Exception as error:
            log.exception("export %s as %s failed", request, fmt)
            reason = str(error) if isinstance(error, export.ExportError) else type(error).__name__
            return t("export_failed", request.lang, reason=reason).encode("utf-8-sig")
        return gate.deliver(data, record, request.lang)

    return build


def download_name(ctx: PageContext, request: export.ExportRequest, fmt: str) -> str:
    """The file's name: dataset, region, level, domain, period, as-of date, and sample data when it is."""
    return export.file_name(request, ctx.region_name, fmt, domain_name(ctx, request.domain), ctx.data_kind)


def domain_name(ctx: PageContext, code: str | None) -> str | None:
    if code is None:
        return None
    domains = ctx.query("domain_list")
    names = dict(zip(domains["domain_code"], domains["name_en" if ctx.lang == "en" else "name_zh"], strict=False))
    return names.get(code, code)


def recorded_download(ctx: PageContext, request: export.ExportRequest, fmt: str, rows: int) -> Callable[[], bytes]:
    """download() of the page's request, written to the audit trail when its file is built (who, dataset, every
    filter, as-of date, rows). fmt "zip": the CSV compressed (for exports of millions of rows)."""
    name = download_name(ctx, request, fmt)
    record = None
    if ctx.access is not None:
        actor = ctx.access.actor
        event = audited.export_event(actor, request, region_name=ctx.region_name, fmt=fmt, rows=rows, file_name=name)
        record = gate.recorder(ctx.access, event)
    return download(
        ctx.version_file,
        request,
        "csv.zip" if fmt == "zip" else fmt,
        ctx.region_name,
        ctx.meta,
        rows,
        record,
        domain_name=domain_name(ctx, request.domain),
        csv_name=download_name(ctx, request, "csv"),
    )


def months(first: dt.date, last: dt.date) -> list[dt.date]:
    out, day = [], first.replace(day=1)
    while day <= last:
        out.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _on_month_change(widget_key: str, param: str, default: dt.date) -> None:
    chosen = st.session_state[widget_key]
    if chosen is None or chosen == default:
        if param in st.query_params:
            del st.query_params[param]
    else:
        st.query_params[param] = chosen.strftime("%Y-%m")


def period_selectors(ctx: PageContext) -> None:
    """From and to month pickers bound to the shared URL filters (from, to)."""
    options = months(ctx.choices.first_month, ctx.choices.data_as_of)
    left, right = st.columns(2)
    for column, widget_key, param, value, default, label in (
        (left, "x_period_from", "from", ctx.filters.period_from, options[0], "period_from"),
        (right, "x_period_to", "to", ctx.filters.period_to, options[-1], "period_to"),
    ):
        st.session_state[widget_key] = value if value in options else default
        column.selectbox(
            ctx.t(label),
            options,
            format_func=lambda day: day.strftime("%Y-%m"),
            key=widget_key,
            on_change=_on_month_change,
            args=(widget_key, param, default),
        )


# ----------------------------------------------------------------------------------------------- import


@st.cache_data(ttl="1h", max_entries=20, show_spinner=False)
def check_upload(
    version_file: str, checksum: str, file_name: str, lang: str, _data: bytes, scope_key: str | None = None
) -> importer.CheckedFile:
    """Check an upload against this database version (cached per version, content, name, language and the account's
    region: rows outside it are problems). Kept without the rows themselves: the cache pickles what it keeps."""
    scope = Scope(scope_key) if scope_key else None
    return importer.check_file(_data, file_name, runner_for(version_file), lang, scope).without_rows()


def replaced_rows(ctx: PageContext, import_id: int, page: int) -> pd.DataFrame:
    """One page of the rows an import replaced, those of the account's region (read when asked for: pages are small)."""
    return visible_replaced(ctx, importer.replaced_rows_page(ctx.runner(), import_id, page, REPLACED_PAGE_ROWS))


def run_import(ctx: PageContext, data: bytes, file_name: str) -> importer.ImportResult:
    """Load an upload in this process (the app's): a new database version, published atomically. The rows are
    checked again against the account's region, whatever the page showed; the outcome goes to the audit trail."""
    viewer = ctx.access
    by = ctx.t("import_by_web")
    if viewer is not None and viewer.signed_in:
        by = f"{by} ({viewer.actor.name or viewer.actor.identity}, {viewer.actor.identity})"
    try:
        checked, result = importer.import_file(
            store.database_path(),
            data,
            file_name,
            imported_by=by,
            runner=ctx.runner(),
            lang=ctx.lang,
            scope=None if ctx.scope_key is None else Scope(ctx.scope_key),
        )
    except importer.ImportRejected as rejected:
        refused = rejected.checked
        _record(ctx, lambda actor, region: audited.import_event(actor, refused, region_code=region))
        raise
    except Exception as error:
        reason = f"{type(error).__name__}: {str(error)[:300]}"
        checksum = importer.checksum_of(data)
        _record(ctx, lambda actor, region: audited.import_failed_event(actor, file_name, checksum, reason, region))
        raise
    _record(ctx, lambda actor, region: audited.import_event(actor, checked, result, region_code=region))
    return result


def record_check(ctx: PageContext, checked: importer.CheckedFile) -> None:
    """A file the check refused (its rows never reach the database), recorded once per session and file."""
    _record(
        ctx,
        lambda actor, region: audited.import_event(actor, checked, region_code=region),
        once=f"import-check:{checked.checksum}:{checked.file_name}",
    )


def _record(ctx: PageContext, event_of: Callable, once: str | None = None) -> None:
    viewer = ctx.access
    if viewer is None:
        return
    event = event_of(viewer.actor, viewer.scope.region_code)
    try:
        if once is None:
            viewer.record(event)
        else:
            viewer.record_once_per_session(once, event)
    except StoreError as error:
        log.exception("import of %s could not be recorded", event.details.get("file_name"))
        st.error(ctx.t("gate_store_error", reason=str(error)))


def visible_history(ctx: PageContext, history: pd.DataFrame) -> pd.DataFrame:
    """The imports an account may see: all for the whole country; else those whose rows touched its region (as the
    audit trail recorded them)."""
    viewer = ctx.access
    if viewer is None or viewer.scope.is_nation or history.empty:
        return history
    entries = trail.select(viewer.store.entries(action="import"), region_code=viewer.scope.region_code)
    ids = {trail.details_of(entry).get("import_id") for entry in entries}
    return history[history["import_id"].isin(ids)].reset_index(drop=True)


def visible_replaced(ctx: PageContext, replaced: pd.DataFrame) -> pd.DataFrame:
    """Replaced rows of the account's region only (another region's old figures are its own)."""
    scope = None if ctx.scope_key is None else Scope(ctx.scope_key)
    if scope is None or replaced.empty or "region_code" not in replaced.columns:
        return replaced
    keep = [scope.contains(str(code)) for code in replaced["region_code"]]
    return replaced[keep].reset_index(drop=True)


# How an import was made, as the log keeps it: in the language of whoever imported.
_IMPORTED_BY = ("import_by_web", "import_by_cli")


def imported_by_in(lang: str, text: str) -> str:
    """Who imported, said in the reader's language: the log keeps 网页上传 (张三, zs@example.cn) as the importer's page
    said it; an English page shows web upload (张三, zs@example.cn). The person's name stays as written."""
    for key in _IMPORTED_BY:
        for said in (t(key, "zh"), t(key, "en")):
            if text == said or text.startswith(said + " ("):
                return t(key, lang) + text[len(said) :]
    return text


def history_for_reader(ctx: PageContext, history: pd.DataFrame) -> pd.DataFrame:
    """The import log as the page shows it: the dataset's name and how each import was made, in the reader's
    language."""
    return history.assign(
        dataset=[dataset_label(ctx, key) for key in history["dataset"]],
        imported_by=[imported_by_in(ctx.lang, str(by)) for by in history["imported_by"]],
    )


def dataset_label(ctx: PageContext, key: str) -> str:
    spec = datasets.DATASETS.get(key)
    return ctx.t(spec.label_key) if spec else key


def uploads_folder() -> Path:
    return store.uploads_dir(store.database_path())
