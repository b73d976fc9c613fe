"""Writing reports: the one function the page, the overview's button and the command line call.

``write`` checks the request against the database, gathers the figures, composes the document and renders it as
.docx and/or PDF, for one region or (``children=True``) for every child region in one .zip. It is the place where the
report, an export of figures, will check the user's region scope and be written to the audit trail once sign-in
lands (issue 17): ``ReportRequest.requested_by`` already carries who asked.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from enforcement.i18n import t
from enforcement.reports import compose, figures, fonts, pdf, word
from enforcement.reports.figures import QueryFn

FORMATS = ("docx", "pdf")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
}
# Called after each region's report with (reports done, reports in all, the region just written).
Progress = Callable[[int, int, str], None]


class ReportError(Exception):
    """A request that cannot be written (unknown region, date outside the data, missing font): message(lang)."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.values)


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
    renderers = {"docx": word.render, "pdf": pdf.render}
    return [ReportFile(f"{stem}.{fmt}", renderers[fmt](document)) for fmt in formats]


def write(query: QueryFn, request: ReportRequest, progress: Progress | None = None) -> list[ReportFile]:
    """The files of a request: the region's report in each format, or one .zip of every child region's reports.

    The one entry point of the page, the overview's button and the command line (scope checks and the audit trail
    of issue 17 belong here).
    """
    name = check(query, request)
    if not request.children:
        files = render(query, request.region, request.as_of, request.lang, request.formats)
        if progress:
            progress(1, 1, name)
        return files
    children = query("region_children", parent_code=request.region)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for done, child in enumerate(children.itertuples(), start=1):
            for file in render(query, child.region_code, request.as_of, request.lang, request.formats):
                archive.writestr(file.name, file.data)
            if progress:
                progress(done, len(children), str(child.region_name))
    stem = file_stem(name, request.region, request.as_of, request.lang)
    suffix = "下级地区" if request.lang == "zh" else "children"
    return [ReportFile(f"{stem}_{suffix}.zip", buffer.getvalue())]
