"""Writing reports: the one function the page, the overview's button and the command line call.

``write`` checks the request against the database, gathers the figures, composes the document and renders it as
.docx and/or PDF, for one region or (``children=True``) for every child region in one .zip. It is the place where the
report, an export of figures, will check the user's region scope and be written to the audit trail once sign-in
lands (issue 17): ``ReportRequest.requested_by`` already carries who asked.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import multiprocessing
import re
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from enforcement.i18n import SaidError
from enforcement.reports import compose, figures, fonts
from enforcement.reports.figures import QueryFn
from enforcement.storage import connect
from enforcement.storage.runner import QueryRunner

FORMATS = ("docx", "pdf")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
}
# Called after each region's report with (reports done, reports in all, the region just written).
Progress = Callable[[int, int, str], None]


class ReportError(SaidError):
    """A request that cannot be written (unknown region, date outside the data, missing font): message(lang)."""


@dataclass(frozen=True)
class ReportRequest:
    """What to write: one region's report (or each child's, children=True) at as_of, in these formats."""

    region: str
    as_of: dt.date
    lang: str = "zh"
    formats: tuple[str, ...] = FORMATS
    children: bool = False
    requested_by: str | None = None  # who asked (the audit trail's actor, once sign-in lands)


@dataclass(frozen=True)
class ReportFile:
    name: str
    data: bytes

    @property
    def mime(self) -> str:
        return MIME[self.name.rsplit(".", 1)[-1]]


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)


def file_stem(region_name: str, region_code: str, as_of: dt.date, lang: str) -> str:
    """南京市_320100_评估报告_2025-10-31 (the code keeps two regions of one name apart)."""
    word_ = "评估报告" if lang == "zh" else "evaluation_report"
    return f"{_safe(region_name)}_{region_code}_{word_}_{as_of.isoformat()}"


def check(query: QueryFn, request: ReportRequest) -> str:
    """The region's name if the request can be written; ReportError naming what is wrong otherwise."""
    if request.formats == () or any(f not in FORMATS for f in request.formats):
        raise ValueError(f"formats must be among {FORMATS}: {request.formats}")
    lineage = query("region_lineage", region_code=request.region)
    if lineage.empty:
        raise ReportError("rp_unknown_region", region=request.region)
    meta = figures.meta_of(query)
    first, last = dt.date(2023, 1, 1), dt.date.fromisoformat(meta["data_as_of"])
    if not first <= request.as_of <= last:
        raise ReportError("rp_date_range", as_of=request.as_of.isoformat(), first=first, last=last)
    try:
        fonts.report_fonts()
    except fonts.FontMissing as missing:
        raise ReportError("rp_font_missing", **_font_values(missing)) from None
    return str(lineage.iloc[-1]["region_name"])


def _font_values(missing: fonts.FontMissing) -> dict[str, object]:
    return dict(family=fonts.FAMILY, folder=missing.folder, package=fonts.APT_PACKAGE, env=fonts.FONT_DIR_ENV)


def render(query: QueryFn, region: str, as_of: dt.date, lang: str, formats: tuple[str, ...]) -> list[ReportFile]:
    """One region's report in each format (figures gathered and charts drawn once for all of them)."""
    gathered = figures.gather(query, region, as_of, lang)
    try:
        document = compose.compose(gathered)
    except fonts.GlyphsMissing as missing:
        raise ReportError("rp_glyphs_missing", family=fonts.FAMILY, characters=missing.points) from None
    stem = file_stem(gathered.region_name, gathered.region_code, as_of, lang)
    # The writers' libraries load only when a report is written: every page imports this module (the overview
    # offers the report), and fpdf2 alone took 0.3 s of a fresh server's first page.
    from enforcement.reports import pdf, word

    renderers = {"docx": word.render, "pdf": pdf.render}
    return [ReportFile(f"{stem}.{fmt}", renderers[fmt](document)) for fmt in formats]


@functools.cache
def _worker_query(database: str) -> QueryFn:
    """A worker process's own read-only connection to the database version (one per process)."""
    return QueryRunner(connect.connect_readonly(Path(database))).run


def _render_in_worker(database: str, region: str, as_of: dt.date, lang: str, formats: tuple[str, ...]):
    return render(_worker_query(database), region, as_of, lang, formats)


def write(
    query: QueryFn,
    request: ReportRequest,
    progress: Progress | None = None,
    *,
    database: Path | None = None,
    workers: int = 1,
) -> list[ReportFile]:
    """The files of a request: the region's report in each format, or one .zip of every child region's reports.

    The one entry point of the page, the overview's button and the command line (scope checks and the audit trail
    of issue 17 belong here). A batch with workers > 1 and the database's version file renders the children in that
    many worker processes (spawned, each with its own read-only connection): the work is CPU-bound Python.
    """
    name = check(query, request)
    if not request.children:
        files = render(query, request.region, request.as_of, request.lang, request.formats)
        if progress:
            progress(1, 1, name)
        return files
    children = query("region_children", parent_code=request.region)
    codes = list(children["region_code"])
    names = dict(zip(children["region_code"], children["region_name"].astype(str), strict=True))
    done: dict[str, list[ReportFile]] = {}
    if workers > 1 and database is not None and len(codes) > 1:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs threads (Streamlit, DuckDB)
        with ProcessPoolExecutor(max_workers=min(workers, len(codes)), mp_context=context) as pool:
            jobs = {
                pool.submit(_render_in_worker, str(database), code, request.as_of, request.lang, request.formats): code
                for code in codes
            }
            for job in as_completed(jobs):
                done[jobs[job]] = job.result()
                if progress:
                    progress(len(done), len(codes), names[jobs[job]])
    else:
        for code in codes:
            done[code] = render(query, code, request.as_of, request.lang, request.formats)
            if progress:
                progress(len(done), len(codes), names[code])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for code in codes:  # in the children's order, whatever order the workers finished in
            for file in done[code]:
                archive.writestr(file.name, file.data)
    stem = file_stem(name, request.region, request.as_of, request.lang)
    suffix = "下级地区" if request.lang == "zh" else "children"
    return [ReportFile(f"{stem}_{suffix}.zip", buffer.getvalue())]
