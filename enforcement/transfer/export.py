"""Exports that open correctly in Excel: UTF-8 with BOM, translated headers, codes kept as text, formulas defused.

Two paths:
- ``csv_bytes(frame)``: a small frame already on screen (a chart's numbers, a table), as the blocks offer it.
- ``write_csv`` / ``write_xlsx``: a dataset of the export page or the CLI, any size. DuckDB writes the CSV body
  straight to a file with COPY (formulas neutralised and values formatted in SQL), and Python only adds the BOM and
  the translated header line and streams the body after it, so a million rows never become a DataFrame. The
  Excel file is streamed in batches from a cursor through rust_xlsxwriter's constant-memory mode, after a first
  sheet 说明 that records the filters, the as-of date, the data version and whether the data is sample.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import errno
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from enforcement.i18n import column_label, level_label, t
from enforcement.storage.meta import data_kind
from enforcement.storage.runner import QueryRunner, Statement, identifier, literal, load
from enforcement.transfer import datasets
from enforcement.transfer.datasets import Dataset

# A cell starting with one of these is a formula to Excel (or LibreOffice); prefix it with an apostrophe.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The same rule in SQL, applied by DuckDB to every text column of a dataset export.
_NEUTRALISE_SQL = "regexp_replace({expr}, '^([=+@\\t\\r-])', '''\\1')"

XLSX_MAX_ROWS = 1_048_576 - 1  # a sheet's rows, less the header
# Rows a second each download is built at on the 2-core benchmark machine, halved for a server busy with other people
# (bench/xlsx_results.md: rust_xlsxwriter 74,792 rows/s; bench/results.md: CSV ~1 M rows/s, zipped ~0.5 M rows/s).
# The export page tells a person how long a download will take before they click when it is more than a moment.
BUILD_ROWS_PER_SECOND = {"csv": 500_000, "csv.zip": 250_000, "xlsx": 37_000}
NOTICEABLE_WAIT_SECONDS = 3
FETCH_ROWS = 10_000
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters XML (and so .xlsx) cannot hold; a reader refuses a file that has them.
_XML_ILLEGAL_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # Python's re and DuckDB's RE2 read it alike
_XML_ILLEGAL = re.compile(_XML_ILLEGAL_PATTERN)
# _xlsx_value in SQL, for the text columns of an .xlsx export: cleaned by DuckDB while it formats the rows instead of
# by Python per cell (a tenth of a second per 10,000 rows).
_XLSX_TEXT_SQL = "regexp_replace(replace(replace({expr}, $x_crlf, $x_lf), $x_cr, $x_lf), $x_xml_illegal, '', 'g')"
_SAFE_TEMP_PATH = re.compile(r"[A-Za-z0-9_./-]+")


class ExportError(ValueError):
    """An export that cannot be produced as asked (message for the user, in their language)."""


def neutralise(value: object) -> object:
    """Defuse a text cell that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def for_export(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The frame as users should receive it: translated headers and neutralised text cells."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [column_label(column, lang) for column in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame, lang: str = "zh", facts: list[tuple[str, str]] | None = None) -> bytes:
    """CSV for Excel: UTF-8 with a byte-order mark (and no sep= line, which would make Excel ignore it); with facts,
    a first line saying what the file holds, as a dataset export's does.

    Rows end in CRLF, so the writer quotes any cell holding a line break or a bare carriage return.
    """
    body = for_export(frame, lang).to_csv(index=False, lineterminator="\r\n").encode("utf-8")
    return codecs.BOM_UTF8 + (_context_lines(facts) if facts else b"") + body


# ----------------------------------------------------------------------------------------------- dataset exports


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a dataset of a region's subtree (optionally one level of it) over a period, as of a date.

    month_from and month_to are first days of months. Statistics stop at the as-of month; progress reports at the
    as-of date. columns: names from the dataset, in the order wanted (None: its default columns).
    """

    dataset: str
    region_code: str
    month_from: dt.date
    month_to: dt.date
    as_of: dt.date
    level: str | None = None
    columns: tuple[str, ...] | None = None
    lang: str = "zh"
    domain: str | None = None  # an enforcement domain (cases of it; training: its agencies); None: all

    @property
    def spec(self) -> Dataset:
        return datasets.dataset(self.dataset)

    @property
    def chosen_columns(self) -> tuple[str, ...]:
        return self.spec.default_columns if self.columns is None else tuple(self.columns)

    @property
    def last_month(self) -> dt.date:
        """The last month that counts: the period's end, but for figures and reports never after the as-of date."""
        if self.spec.period_meaning == "due":
            return self.month_to
        return min(self.month_to, self.as_of.replace(day=1))

    def checked(self) -> ExportRequest:
        """The request if every choice is one we know (they reach SQL as identifiers), else ExportError."""
        spec = self.spec
        unknown = [c for c in self.chosen_columns if c not in spec.columns]
        if unknown:
            raise ExportError(
                t(
                    "export_unknown_columns",
                    self.lang,
                    dataset=spec.key,
                    columns=", ".join(unknown),
                    options=", ".join(spec.columns),
                )
            )
        if not self.chosen_columns or len(set(self.chosen_columns)) != len(self.chosen_columns):
            raise ExportError(t("export_columns_once", self.lang))
        if self.level is not None and self.level not in datasets.LEVELS:
            raise ExportError(
                t("export_unknown_level", self.lang, level=self.level, options=", ".join(datasets.LEVELS))
            )
        if self.lang not in ("zh", "en"):
            raise ExportError(t("export_unknown_language", "zh", language=self.lang))
        if self.month_from.day != 1 or self.month_to.day != 1 or self.month_from > self.month_to:
            raise ExportError(
                t("export_bad_period", self.lang, start=f"{self.month_from:%Y-%m}", end=f"{self.month_to:%Y-%m}")
            )
        return self

    def with_changes(self, **changes) -> ExportRequest:
        return dataclasses.replace(self, **changes)


# Only names from the dataset catalogue reach SQL as identifiers (checked() above); quoting is belt and braces.
_ident = identifier


def _code_prefix(runner: QueryRunner, region_code: str, lang: str) -> str:
    lineage = runner.rows(runner.statement("region_lineage", region_code=region_code))
    if not lineage:
        raise ExportError(t("export_unknown_region", lang, code=region_code))
    return lineage[-1][4]  # region_code, region_name, level, level_no, code_prefix, full_name; the region itself last


def _query_params(runner: QueryRunner, request: ExportRequest, query: str | None = None) -> dict[str, object]:
    """The parameters of the dataset's export query (or of query, one of its kin) that the request gives."""
    _, expected = load(query or request.spec.export_query)
    values = {
        "region_code": request.region_code,
        "level": request.level,
        "month_from": request.month_from,
        "month_to": request.last_month,
        "as_of": request.as_of,
        "lang": request.lang,
        "domain_code": request.domain,
    }
    if "code_prefix" in expected:
        values["code_prefix"] = _code_prefix(runner, request.region_code, request.lang)
    return {key: value for key, value in values.items() if key in expected}


def _column_sql(field: datasets.Field, lang: str, params: dict[str, object], for_xlsx: bool = False) -> str:
    column = _ident(field.name)
    if field.kind == "month":
        expr = f"strftime({column}, '%Y-%m')"
    elif field.kind == "date":
        expr = f"strftime({column}, '%Y-%m-%d')"
    elif field.kind == "status":
        params["x_status_codes"] = list(datasets.REPORTED_STATUSES)
        params["x_status_labels"] = [t(f"reported_{s}", lang) for s in datasets.REPORTED_STATUSES]
        expr = f"coalesce(list_extract($x_status_labels, list_position($x_status_codes, {column})), {column})"
    elif field.kind == "bool":
        params["x_yes"], params["x_no"] = t("yes", lang), t("no", lang)
        expr = f"case when {column} then $x_yes when not {column} then $x_no end"
    elif field.kind == "levels":
        params["x_level_codes"] = list(datasets.LEVELS)
        params["x_level_labels"] = [level_label(level, lang) for level in datasets.LEVELS]
        params["x_list_separator"] = t("list_separator", lang)
        expr = (
            f"array_to_string(list_transform({column}, lambda v: coalesce("
            "list_extract($x_level_labels, list_position($x_level_codes, v)), v)), $x_list_separator)"
        )
    else:
        expr = column
    if field.kind in datasets.TEXT_KINDS:
        expr = _NEUTRALISE_SQL.format(expr=expr)
        if for_xlsx:
            params.update(x_crlf="\r\n", x_cr="\r", x_lf="\n", x_xml_illegal=_XML_ILLEGAL_PATTERN)
            expr = _XLSX_TEXT_SQL.format(expr=expr)
    return f"{expr} as {column}"


def export_statement(
    runner: QueryRunner, request: ExportRequest, limit: int | None = None, for_xlsx: bool = False
) -> Statement:
    """The statement that yields the export's rows as they will be written, and its parameters.

    It wraps the dataset's named query: chosen columns only, months and dates as text, statuses, yes/no and
    levels in the user's language, and text cells that a spreadsheet would run as formulas prefixed with ', in
    the dataset's order. With a limit, only the first rows are formatted (a preview of millions stays cheap).
    for_xlsx: text cells also as an .xlsx can hold them (_xlsx_value, done in SQL).
    """
    request = request.checked()
    inner = runner.statement(request.spec.export_query, **_query_params(runner, request))
    params: dict[str, object] = {}
    columns = [_column_sql(request.spec.field(name), request.lang, params, for_xlsx) for name in request.chosen_columns]
    select_list = ",\n    ".join(columns)
    order = ", ".join(f"q.{_ident(name)}" for name in request.spec.order_by)
    source = "(\n{query}\n) as q"
    if limit is not None:
        params["x_limit"] = int(limit)
        source = f"(\nselect * from {source}\norder by {order}\nlimit $x_limit\n) as q"
    return inner.around(f"select\n    {select_list}\nfrom {source}\norder by {order}", **params)


def headers(request: ExportRequest) -> list[str]:
    return [column_label(name, request.lang) for name in request.checked().chosen_columns]


def row_count(runner: QueryRunner, request: ExportRequest) -> int:
    """How many rows the export will have (what the page shows before the download)."""
    request = request.checked()
    counter = request.spec.count_query
    if counter is not None and request.level is None:
        return int(runner.value(runner.statement(counter, **_query_params(runner, request, counter))))
    inner = runner.statement(request.spec.export_query, **_query_params(runner, request))
    return int(runner.value(inner.around("select count(*) from (\n{query}\n) as q")))


def preview(runner: QueryRunner, request: ExportRequest, limit: int = 50) -> pd.DataFrame:
    """The first rows exactly as the file will hold them, with translated headers."""
    frame = runner.frame(export_statement(runner, request, limit))
    frame.columns = headers(request)
    return frame


def expected_wait_seconds(rows: int, fmt: str) -> int:
    """About how many seconds building a download of rows takes (see BUILD_ROWS_PER_SECOND), at least one."""
    return max(1, -(-rows // BUILD_ROWS_PER_SECOND[fmt]))


def noticeable_waits(rows: int, formats: list[str]) -> list[tuple[str, int]]:
    """(format, seconds) for each offered download (an .xlsx only up to a sheet's rows) that takes a while to build."""
    offered = [fmt for fmt in formats if fmt != "xlsx" or rows <= XLSX_MAX_ROWS]
    waits = [(fmt, expected_wait_seconds(rows, fmt)) for fmt in offered]
    return [(fmt, seconds) for fmt, seconds in waits if seconds >= NOTICEABLE_WAIT_SECONDS]


def _sql_path(path: Path) -> str:
    """A path we generated ourselves, as an SQL string literal (COPY cannot bind its file name)."""
    text = str(path)
    if not _SAFE_TEMP_PATH.fullmatch(text) or not path.is_relative_to(tempfile.gettempdir()):
        raise ExportError(t("export_unsafe_path", "zh", path=text))
    return literal(text)


def _context_lines(facts: list[tuple[str, str]]) -> bytes:
    """What the file holds (the 说明 sheet of the .xlsx), in one cell of the first line, then an empty line: Excel
    and WPS show it above the table, and the import finds the header below it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(" | ".join(f"{label}: {value}" for label, value in facts))])
    writer.writerow([])
    return buffer.getvalue().encode("utf-8")


def _header_line(columns: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(columns)
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _publish_file(partial: Path, out: Path) -> None:
    # Only a new path or a regular file is replaced: never a folder, a device (/dev/full) or a pipe.
    if os.path.lexists(out) and not out.is_file():
        raise IsADirectoryError(errno.EISDIR, "not a regular file", str(out))
    os.replace(partial, out)


def write_csv(
    runner: QueryRunner, request: ExportRequest, out: Path, facts: list[tuple[str, str]] | None = None
) -> int:
    """Write the export as CSV for Excel to out; returns the number of data rows.

    DuckDB writes the body with COPY to a file in a temporary folder of our own; then the BOM and the header line
    are written and the body is streamed after them. out is replaced only when the file is complete.
    """
    statement = export_statement(runner, request)
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    with tempfile.TemporaryDirectory(prefix="enforcement-export-") as folder:
        body = Path(folder).resolve() / "body.csv"
        copy = (
            "copy (\n{query}\n) to " + _sql_path(body) + " "
            "(format csv, header false, delimiter ',', quote '\"', new_line '\\r\\n')"
        )
        written = runner.value(statement.around(copy))
        try:
            with open(partial, "wb") as target:
                target.write(codecs.BOM_UTF8)
                if facts:
                    target.write(_context_lines(facts))
                target.write(_header_line(headers(request))[len(codecs.BOM_UTF8) :])
                with open(body, "rb") as source:
                    shutil.copyfileobj(source, target, 1 << 20)
            _publish_file(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    return int(written)


def _xlsx_value(value: object) -> object:
    # A line break inside an Excel cell is a line feed; a carriage return would be stored escaped (_x000D_), which
    # Excel shows as a break but other readers show as those seven characters.
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value


def _sheet_title(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", text)[:31]


def write_xlsx(
    runner: QueryRunner, request: ExportRequest, out: Path, facts: list[tuple[str, str]] | None = None
) -> int:
    """Write the export as an Excel workbook: a sheet 说明 (facts), then the data; returns the number of data rows.

    Refuses (ExportError) above Excel's 1,048,576 rows a sheet, before writing anything. The rows stream from DuckDB
    in batches into rust_xlsxwriter's constant-memory mode (through rustpy-xlsxwriter): a full sheet in seconds, with
    memory bounded by one batch (bench/xlsx_writers.py measures it against openpyxl, XlsxWriter and PyExcelerate).
    """
    from rustpy_xlsxwriter import FastExcel

    request = request.checked()
    rows = row_count(runner, request)
    if rows > XLSX_MAX_ROWS:
        raise ExportError(t("xlsx_too_many_rows", request.lang, n=f"{rows:,}", limit=f"{XLSX_MAX_ROWS + 1:,}"))
    statement = export_statement(runner, request, for_xlsx=True)
    columns = headers(request)
    # The writer takes each row as a dict keyed by its header, so two columns must never share a header.
    if len(set(columns)) != len(columns):
        raise ValueError(f"duplicate export headers: {columns}")
    item, value = t("xlsx_notes_item", request.lang), t("xlsx_notes_value", request.lang)
    notes = pd.DataFrame([(label, _xlsx_value(text)) for label, text in facts or []], columns=[item, value])
    written = 0

    def records():
        nonlocal written
        for batch in runner.batches(statement, FETCH_ROWS):
            # the text cells are clean already (for_xlsx); the others are numbers or formatted dates
            for row in batch:
                yield dict(zip(columns, row, strict=True))
            written += len(batch)

    data_title = _sheet_title(t(request.spec.label_key, request.lang))
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    try:
        (
            FastExcel(partial, output_format="xlsx")
            .format(bold_headers=True)
            .freeze(row=1, sheet=data_title)
            .sheet(_sheet_title(t("xlsx_notes_sheet", request.lang)), notes, column_widths=[16, 80])
            # With no rows the writer would not know the columns: an empty frame still writes the header.
            .sheet(
                data_title,
                records() if rows else pd.DataFrame(columns=columns),
                column_widths=[min(40, max(10, 2 * len(label) + 2)) for label in columns],
            )
            .save()
        )
        _publish_file(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return written


def file_bytes(
    runner: QueryRunner,
    request: ExportRequest,
    fmt: str,
    facts: list[tuple[str, str]] | None = None,
    csv_name: str | None = None,
) -> bytes:
    """The export as the bytes of a file (for a download button); written to a temporary file first."""
    with tempfile.TemporaryDirectory(prefix="enforcement-download-") as folder:
        path = Path(folder) / f"export.{fmt}"
        if fmt == "csv":
            write_csv(runner, request, path, facts)
        elif fmt == "csv.zip":
            write_csv(runner, request, path.with_suffix(""), facts)
            _zip_one(path.with_suffix(""), path, csv_name or "export.csv")
        elif fmt == "xlsx":
            write_xlsx(runner, request, path, facts)
        else:
            raise ExportError(t("export_unknown_format", request.lang, fmt=fmt))
        return path.read_bytes()


def _zip_one(source: Path, target: Path, name: str) -> None:
    """source as the one member name of a compressed .zip at target (a CSV of millions of rows shrinks tenfold)."""
    import zipfile

    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.write(source, arcname=name)


# ----------------------------------------------------------------------------------------------- naming and facts


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")


def file_name(
    request: ExportRequest, region_name: str, fmt: str, domain_name: str | None = None, kind: str | None = None
) -> str:
    """A name that says what the file holds: dataset, region (level, domain), period, as-of date, and sample data when
    it is. E.g. 案件统计_江苏省_市场监管_2023-01至2025-12_截至2025-12-31_示例数据.csv"""
    lang = request.lang
    parts = [t(request.spec.label_key, lang), region_name]
    if request.level:
        parts.append(level_label(request.level, lang))
    if request.domain:
        parts.append(domain_name or request.domain)
    parts.append(t("period_span", lang, start=f"{request.month_from:%Y-%m}", end=f"{request.last_month:%Y-%m}"))
    parts.append(t("file_as_of", lang, day=request.as_of.isoformat()))
    if kind in ("sample", "mixed"):
        parts.append(t(f"file_kind_{kind}", lang))
    return _safe_name("_".join(parts)) + f".{fmt}"


def facts(
    request: ExportRequest,
    region_name: str,
    meta: dict[str, str],
    rows: int,
    now: dt.datetime | None = None,
    domain_name: str | None = None,
) -> list[tuple[str, str]]:
    """What the 说明 sheet records: the filters, the as-of date, the data version, sample or not, the row count."""
    lang = request.lang
    now = now or dt.datetime.now()
    period = t("period_span", lang, start=f"{request.month_from:%Y-%m}", end=f"{request.last_month:%Y-%m}")
    kind = data_kind(meta)
    return [
        (t("fact_dataset", lang), t(request.spec.label_key, lang)),
        (t("fact_region", lang), t("fact_region_value", lang, name=region_name, code=request.region_code)),
        (t("fact_level", lang), level_label(request.level, lang) if request.level else t("level_all", lang)),
        (t("fact_domain", lang), (domain_name or request.domain) if request.domain else t("domain_all", lang)),
        (t("fact_period", lang), period + t(f"fact_period_{request.spec.period_meaning}", lang)),
        (t("fact_as_of", lang), request.as_of.isoformat()),
        (t("fact_columns", lang), t("list_separator", lang).join(headers(request))),
        (t("fact_rows", lang), f"{rows:,}"),
        (t("fact_data_version", lang), meta.get("data_version", "")),
        (t("fact_data_kind", lang), t(f"data_kind_{kind}", lang)),
        (t("fact_exported_at", lang), now.isoformat(timespec="seconds")),
        (t("fact_formula_note", lang), t("fact_formula_note_value", lang)),
    ]
