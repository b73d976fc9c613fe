"""评估报告 in the app: the overview's report buttons and the 评估报告 page (one region, or every child in a .zip).

Every report goes through enforcement.reports.service.write, the one place that will check the user's region scope
and write the audit trail when sign-in lands. A single report is written when its download button is clicked
(Streamlit calls the function then, in a worker thread with no script context: it gets a QueryRunner, never ctx);
a batch runs in the page's script, with a progress bar, in worker processes.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import streamlit as st

from enforcement.access.scope import Scope, visible_rows
from enforcement.reports import service
from enforcement.rules.filters import default_filters, default_since
from enforcement.transfer import audited
from enforcement.ui import gate
from enforcement.ui.frame import PageContext, as_of_options

FORMAT_LABELS = {"docx": "rp_download_docx", "pdf": "rp_download_pdf"}


def _request(ctx: PageContext, lang: str | None = None, **changes) -> service.ReportRequest:
    return service.ReportRequest(region=ctx.filters.region, as_of=ctx.filters.as_of, lang=lang or ctx.lang, **changes)


def _problem(ctx: PageContext, request: service.ReportRequest) -> str | None:
    """Why this request cannot be written (missing font, date outside the data), or None."""
    try:
        service.check(ctx.query, request)
    except service.ReportError as error:
        return error.message(ctx.lang)
    return None


def _writer(ctx: PageContext, request: service.ReportRequest, file_name: str):
    """What a download button calls when clicked: the report's bytes, written to the audit trail (a runner and the
    account's region, not ctx: there is no script then). Its queries see only what the account's pages see."""
    runner, scope_key, lang = ctx.runner(), ctx.scope_key, ctx.lang
    record = _recorder(ctx, request, file_name)

    def query(name: str, **params):
        return visible_rows(runner.run(name, **params), Scope(scope_key) if scope_key else None)

    def write() -> bytes:
        return gate.deliver(service.write(query, request)[0].data, record, lang)

    return write


def _recorder(ctx: PageContext, request: service.ReportRequest, file_name: str):
    if ctx.access is None:
        return None
    event = audited.report_event(
        ctx.access.actor,
        region_code=request.region,
        as_of=request.as_of,
        formats=request.formats,
        lang=request.lang,
        children=request.children,
        file_name=file_name,
    )
    return gate.recorder(ctx.access, event)


def download_buttons(ctx: PageContext, request: service.ReportRequest, key: str) -> None:
    """One download button per format, each writing its file when clicked (lay them out in a horizontal container)."""
    name = service.file_stem(ctx.region_name, request.region, request.as_of, request.lang)
    for fmt in request.formats:
        st.download_button(
            ctx.t(FORMAT_LABELS[fmt]),
            _writer(ctx, dataclasses.replace(request, formats=(fmt,)), f"{name}.{fmt}"),
            file_name=f"{name}.{fmt}",
            mime=service.MIME[fmt],
            key=f"{key}_{fmt}",
            on_click="ignore",
            type="primary" if fmt == "docx" else "secondary",
        )


def evaluation_picks(ctx: PageContext, key: str) -> None:
    """Buttons that move the as-of date to the governing plan's mid-term or final evaluation date (the frame's
    quick picks), in a horizontal container."""
    picks = {k: v for k, v in as_of_options(ctx).items() if k in ("midterm", "final") and v[1] is not None}
    if not picks:
        return
    st.caption(ctx.t("rp_evaluation_dates"), width="content")
    for pick, (label, day) in picks.items():
        st.button(
            f"{label} {day.isoformat()}",
            key=f"{key}_{pick}",
            disabled=day == ctx.filters.as_of,
            on_click=ctx.set_filters,
            kwargs={"as_of": day, "since": default_since(day)},
            type="tertiary",
        )


def _other_filters(ctx: PageContext) -> bool:
    """Whether the page shows filters the report leaves at their defaults (plan, area, domain, period)."""
    f, default = ctx.filters, default_filters(ctx.choices, ctx.lang)
    period = (f.period_from, f.period_to) != (default.period_from, default.period_to)
    return bool(f.plan or f.area or f.domain) or period


def report_block(ctx: PageContext) -> None:
    """The overview's report buttons: this region at this as-of date, one click per file, the evaluation dates,
    and a link to the page that writes every child's report."""
    if not ctx.may("export"):  # a report takes the figures away, as an export does
        return
    request = _request(ctx)
    with st.container(border=True, key="report_block"):
        caption = ctx.t("rp_block_caption", region=ctx.region_name, as_of=request.as_of.isoformat())
        st.markdown(f"**{ctx.t('rp_block_title')}** · {caption}")
        problem = _problem(ctx, request)
        if problem:
            st.error(problem)
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            if not problem:
                download_buttons(ctx, request, key="overview_report")
            evaluation_picks(ctx, "overview_report")
            st.space("stretch")
            if not ctx.query("region_children", parent_code=ctx.filters.region).empty:  # a township has none
                ctx.page_link("pages/9_report.py", ctx.t("rp_open_page"))
        if _other_filters(ctx):
            st.caption(ctx.t("rp_filters_note"))


def report_page(ctx: PageContext) -> None:
    """The 评估报告 page: choose one region or every child, the formats and the language; then write."""
    st.title(f"{ctx.t('nav_report')} · {ctx.region_name}")
    st.caption(ctx.t("rp_page_intro"))
    children = ctx.query("region_children", parent_code=ctx.filters.region)
    scopes = {"one": ctx.t("rp_scope_one", region=ctx.region_name)}
    if not children.empty:
        scopes["children"] = ctx.t("rp_scope_children", n=len(children))
    scope = st.radio(ctx.t("rp_scope"), list(scopes), format_func=scopes.get, key="rp_scope", horizontal=True)
    formats = {key: ctx.t(f"rp_format_{key}") for key in ("both", "docx", "pdf")}
    chosen = st.radio(ctx.t("rp_format"), list(formats), format_func=formats.get, key="rp_format", horizontal=True)
    lang = st.radio(
        ctx.t("rp_language"), ["zh", "en"], format_func={"zh": "中文", "en": "English"}.get, key="rp_lang",
        index=0 if ctx.lang == "zh" else 1, horizontal=True,
    )  # fmt: skip
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        evaluation_picks(ctx, "report_page")
    fmts = service.FORMATS if chosen == "both" else (chosen,)
    request = _request(ctx, lang=lang, formats=fmts, children=scope == "children")
    st.caption(ctx.t("rp_block_caption", region=ctx.region_name, as_of=request.as_of.isoformat()))
    problem = _problem(ctx, request)
    if problem:
        st.error(problem)
        return
    if not request.children:
        with st.container(horizontal=True, gap="small"):
            download_buttons(ctx, request, key="page_report")
        return
    _batch(ctx, request)


def _batch(ctx: PageContext, request: service.ReportRequest) -> None:
    """Every child's report in one .zip: written on the button, with a progress bar, kept for the download."""
    done = st.session_state.get("rp_batch")
    if st.button(ctx.t("rp_generate"), type="primary", key="rp_generate"):
        bar = st.progress(0.0, text=ctx.t("rp_progress", done=0, total="…", name=""))

        def progress(n: int, total: int, name: str) -> None:
            bar.progress(n / total, text=ctx.t("rp_progress", done=n, total=total, name=name))

        started = time.perf_counter()
        files = service.write(
            ctx.runner().run,
            request,
            progress,
            database=Path(ctx.version_file),
            workers=min(2, os.cpu_count() or 1),
        )
        done = {"request": request, "file": files[0], "seconds": time.perf_counter() - started}
        st.session_state["rp_batch"] = done
        record = _recorder(ctx, request, files[0].name)
        if record is not None:
            gate.deliver(b"", record, ctx.lang)
    if done and done["request"] == request:
        file = done["file"]
        st.success(ctx.t("rp_done", n=_count(ctx, request), seconds=done["seconds"]))
        st.download_button(
            ctx.t("rp_download_zip", name=file.name),
            file.data,
            file_name=file.name,
            mime=file.mime,
            key="rp_download_zip",
            on_click="ignore",
            type="primary",
        )


def _count(ctx: PageContext, request: service.ReportRequest) -> int:
    return len(ctx.query("region_children", parent_code=request.region)) * len(request.formats)
