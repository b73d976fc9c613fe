"""Check an uploaded table row by row, and report every problem at once, in plain words of the user's language.

Each problem names the row as the user sees it in Excel (the header is row 1), the column as written in their file,
the value, and the reason. The checks mirror the database's constraints (schema.sql), so a file that passes loads
without a constraint error; and they add what the database cannot know (the region exists, the period lies in the
plan, a key appears once in the file, a name agrees with its code).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

from enforcement.access.scope import Scope
from enforcement.i18n import COLUMNS, level_label, t
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import datasets
from enforcement.transfer.datasets import Dataset, Field
from enforcement.transfer.export import FORMULA_TRIGGERS
from enforcement.transfer.tabular import RawTable, TextColumn, invisible_characters, invisible_name, visible

INT_MAX = 2_147_483_647
_MONTH_NAMES = {name: i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun"), start=1)} | {
    name: i for i, name in enumerate(("jul", "aug", "sep", "oct", "nov", "dec"), start=7)
}
_STATUS_WORDS = {
    "not_started": ("not_started", "not started", "未启动", "未开始", "尚未启动"),
    "in_progress": ("in_progress", "in progress", "推进中", "进行中", "正在推进", "实施中"),
    "completed": ("completed", "done", "已完成", "完成"),
    "not_applicable": ("not_applicable", "not applicable", "n/a", "不适用"),
}
STATUS_BY_WORD = {word: code for code, words in _STATUS_WORDS.items() for word in words}


@dataclass(frozen=True)
class Problem:
    row: int | None  # as in Excel: the header is row 1; None for the file as a whole
    column: str  # as written in the user's file ('' for the file or a row as a whole)
    value: str
    reason: str
    shown: str = ""  # the reason for a page (markdown): text from the file as plain text; '' if reason has none
    outside_scope: bool = False  # the row's region lies outside the importing account's region


class OutsideScope(str):
    """The reason parse_region gives for a region outside the importing account's region: text like any reason,
    marked so that the audit trail can list those rows whatever the language."""


def is_outside_scope(problem: Problem) -> bool:
    """A row whose region lies outside the importing account's region (see parse_region)."""
    return problem.outside_scope


# The language the reasons are written in, set by check_table for one check: the parsers keep their
# (text) -> (value, reason) shape, and one cell's reason is made once and cached per text within a check.
_LANG: ContextVar[str] = ContextVar("check_language", default="zh")


@contextmanager
def _language(lang: str) -> Iterator[None]:
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def _say(key: str, **values: object) -> str:
    """A reason in the language of the check under way."""
    return t(key, _LANG.get(), **values)


def _column_label(column: str) -> str:
    """A column's name as the template writes it, in the check's language."""
    return COLUMNS[column][1 if _LANG.get() == "en" else 0]


def _listed(items: Iterable[str]) -> str:
    return (", " if _LANG.get() == "en" else "、").join(items)


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """The report as a table: 行, 问题, 列, 值 (the page shows it and offers it as CSV). The reason comes second:
    it is what a clerk needs, and on a phone only the first columns are on screen."""
    rows = [(p.row, p.reason, p.column, p.value) for p in problems]
    frame = pd.DataFrame(rows, columns=["row_no", "problem", "column", "cell_value"])
    frame["row_no"] = frame["row_no"].astype("Int64")
    return frame


# ----------------------------------------------------------------------------------------------- reference data


@dataclass
class Reference:
    """What a file is checked against, read from the current database."""

    regions: dict[str, tuple[str, str]]  # code -> (name, full name)
    agencies: dict[str, str]  # code, Chinese or English name (normalised) -> code
    domains: dict[str, str]
    agency_names: dict[str, tuple[str, ...]]  # code -> accepted spellings of its name
    domain_names: dict[str, tuple[str, ...]]
    milestones: dict[str, str]  # id in upper case -> id
    scope: Scope | None = None  # the importing account's region: rows outside its subtree are problems


def load_reference(runner: QueryRunner) -> Reference:
    regions = runner.run("import_reference_regions")
    codes = runner.run("import_reference_codes")
    agencies, domains, agency_names, domain_names, milestones = {}, {}, {}, {}, {}
    for row in codes.itertuples(index=False):
        spellings = tuple(s for s in (row.name_zh, row.name_en) if s)
        if row.kind == "agency":
            agency_names[row.code] = spellings
            for spelling in (row.code, *spellings):
                agencies[_key(spelling)] = row.code
        elif row.kind == "domain":
            domain_names[row.code] = spellings
            for spelling in (row.code, *spellings):
                domains[_key(spelling)] = row.code
        else:
            milestones[row.code.upper()] = row.code
    return Reference(
        regions=dict(zip(regions["region_code"], zip(regions["region_name"], regions["full_name"]))),
        agencies=agencies,
        domains=domains,
        agency_names=agency_names,
        domain_names=domain_names,
        milestones=milestones,
    )


# ----------------------------------------------------------------------------------------------- headers


def _key(text: str) -> str:
    """A header or name as compared: full-width forms folded (（件）→ (件)), spaces dropped, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).replace("\ufeff", "")).lower()


def _aliases(column: str) -> set[str]:
    names = {column}
    names.update(COLUMNS.get(column, ()))
    # Accept a header without its unit: 行政处罚 for 行政处罚(件), Officers for Officers (persons).
    names.update(re.sub(r"\(.*?\)$", "", _key(name)) for name in list(names))
    return {_key(name) for name in names if name}


@dataclass
class HeaderMatch:
    dataset: Dataset
    positions: dict[str, int]  # column name -> index in the file
    headers: list[str]  # as written in the file
    ignored: list[str] = field(default_factory=list)  # known export-only columns, skipped
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (index, header) not recognised
    duplicates: list[tuple[int, str]] = field(default_factory=list)

    def header(self, column: str) -> str:
        return self.headers[self.positions[column]]


def match_headers(cells: list[str], dataset: Dataset) -> HeaderMatch:
    aliases = {column: _aliases(column) for column in dataset.columns}
    match = HeaderMatch(dataset=dataset, positions={}, headers=[c.strip() for c in cells])
    for index, cell in enumerate(match.headers):
        if not cell:
            continue
        found = next((column for column, names in aliases.items() if _key(cell) in names), None)
        if found is None:
            match.unknown.append((index, cell))
        elif found in match.positions:
            match.duplicates.append((index, cell))
        else:
            match.positions[found] = index
            if dataset.field(found).role == "ignore":
                match.ignored.append(cell)
    # A file with names only (执法领域: 市场监管, no code column): the names stand in for the codes.
    for code, name in (("agency_code", "agency_name"), ("domain_code", "domain_name")):
        if code in dataset.columns and code not in match.positions and name in match.positions:
            match.positions[code] = match.positions.pop(name)
    return match


def _score(match: HeaderMatch) -> int:
    return len(match.positions)


def best_match(cells: list[str]) -> HeaderMatch | None:
    """The importable dataset these headers belong to (the one with most columns recognised), if any."""
    matches = [match_headers(cells, d) for d in datasets.IMPORTABLE.values()]
    best = max(matches, key=_score)
    distinctive = set(best.dataset.key_columns) - {"region_code", "period_month"}
    if _score(best) < 2 or not (distinctive & best.positions.keys() or _score(best) >= 4):
        return None
    return best


def is_header(cells: list[str]) -> bool:
    return best_match(cells) is not None


def is_data_header(cells: list[str]) -> bool:
    """A header of data to import: recognised, with every key column (a code list such as the template's
    事项编号表 names some columns of a dataset but is not data to import). Picks the sheet of a workbook."""
    match = best_match(cells)
    return match is not None and all(key in match.positions for key in match.dataset.key_columns)


# ----------------------------------------------------------------------------------------------- values


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


# A number as people write it: digits, thousands separators only in well-formed groups of three (1,234,567),
# an optional decimal part. Full-width digits and commas (１，２３４) are folded to ASCII first (NFKC): Chinese input
# methods type them, and they mean the same number.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED_NUMBER = re.compile(r"[+-]?\d{1,3}([, ]\d{3})+(\.\d*)?")
BAD_GROUPING = "bad_grouping"


def _number(text: str) -> Decimal | None:
    """The number in a cell, or None if it is not one (BAD_GROUPING is reported by _number_or_reason)."""
    value, _ = _number_or_reason(text)
    return value


def _number_or_reason(text: str) -> tuple[Decimal | None, str | None]:
    cleaned = _clean(text)
    if _GROUPED_NUMBER.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "").replace(" ", "")
    elif not _PLAIN_NUMBER.fullmatch(cleaned):
        looks_grouped = re.fullmatch(r"[+-]?[\d, ]*\d[\d, ]*(\.\d*)?", cleaned) and re.search(r"\d[, ]+\d", cleaned)
        return None, _say("cell_bad_grouping" if looks_grouped else "chk_not_number")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, _say("chk_not_number")
    return (value, None) if value.is_finite() else (None, _say("chk_not_number"))


def parse_count(text: str) -> tuple[int | None, str | None]:
    if text.isascii() and text.isdigit() and len(text) < 10:  # the usual case, without Decimal
        return int(text), None
    if _clean(text).endswith("%"):
        return None, _say("cell_percent_shown", shown=text.strip())
    value, reason = _number_or_reason(text)
    if value is None:
        return None, reason
    if value != value.to_integral_value():
        return None, _say("chk_not_integer")
    if value < 0:
        return None, _say("chk_negative")
    if value > INT_MAX:
        return None, _say("chk_too_large")
    return int(value), None


def parse_hours(text: str) -> tuple[float | None, str | None]:
    value, reason = _number_or_reason(text)
    if value is None:
        return None, reason
    if value < 0:
        return None, _say("chk_negative")
    if value > 10**12:
        return None, _say("chk_too_large")
    return float(value), None


def parse_percent(text: str) -> tuple[int | None, str | None]:
    cleaned = _clean(text).rstrip("%").strip()
    value, reason = _number_or_reason(cleaned)
    if value is None:
        return None, reason
    if not 0 <= value <= 100:
        return None, _say("chk_percent_range")
    if value != value.to_integral_value():
        return None, _say("chk_percent_integer")
    return int(value), None


_DATE_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_MONTH_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?"),
    re.compile(r"(\d{4})(\d{2})"),
)
_MONTH_NAME_PATTERN = re.compile(r"([A-Za-z]{3})[-/ ](\d{2}|\d{4})")


def _as_date(text: str) -> dt.date | None:
    cleaned = _clean(text)
    for pattern in _DATE_PATTERNS:
        found = pattern.fullmatch(cleaned)
        if found:
            try:
                return dt.date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                return None
    return None


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    value = _as_date(text)
    if value is None:
        return None, _say("chk_bad_date")
    if not datasets.FIRST_MONTH <= value <= datasets.LAST_DAY:
        return None, _say("chk_date_outside", first=datasets.FIRST_MONTH, last=datasets.LAST_DAY)
    return value, None


def parse_month(text: str) -> tuple[dt.date | None, str | None]:
    cleaned = _clean(text)
    value = None
    day = _as_date(cleaned)
    if day is not None:
        value = day.replace(day=1)
    for pattern in _MONTH_PATTERNS:
        found = pattern.fullmatch(cleaned) if value is None else None
        if found and 1 <= int(found[2]) <= 12:
            value = dt.date(int(found[1]), int(found[2]), 1)
    found = _MONTH_NAME_PATTERN.fullmatch(cleaned) if value is None else None
    if found and found[1].lower() in _MONTH_NAMES:  # Excel's Jan-23 for a CSV opened and saved again
        year = int(found[2]) + (2000 if len(found[2]) == 2 else 0)
        value = dt.date(year, _MONTH_NAMES[found[1].lower()], 1)
    if value is None:
        return None, _say("chk_bad_month")
    if not datasets.FIRST_MONTH <= value <= datasets.LAST_MONTH:
        return None, _say(
            "chk_month_outside", first=f"{datasets.FIRST_MONTH:%Y-%m}", last=f"{datasets.LAST_MONTH:%Y-%m}"
        )
    return value, None


def parse_region(text: str, reference: Reference) -> tuple[str | None, str | None]:
    code = _clean(text).replace(" ", "")
    if re.fullmatch(r"\d+\.0*", code):  # 320102.0: a code that passed through a number cell
        code = code.split(".")[0]
    if code and set(code) == {"0"}:  # 000000 全国 after Excel dropped its zeros
        code = "000000"
    if re.fullmatch(r"\d{12}", code):  # the 12-digit 统计用区划代码: county 320102000000, township 320102001000
        code = code[:6] if code.endswith("000000") else code[:9] if code.endswith("000") else code
    if not re.fullmatch(r"\d{6}|\d{9}", code):
        return None, _say("chk_region_digits")
    if code not in reference.regions:
        return None, _say("chk_region_unknown", code=code)
    scope = reference.scope
    if scope is not None and not scope.contains(code):
        own = reference.regions.get(scope.region_code, ("",))[0]
        name = reference.regions[code][0]
        return None, OutsideScope(_say("chk_outside_scope", code=code, name=name, own=own, own_code=scope.region_code))
    return code, None


def parse_status(text: str) -> tuple[str | None, str | None]:
    code = STATUS_BY_WORD.get(_key(text))
    if code is None:
        return None, _say("chk_bad_status")
    return code, None


def parse_text(text: str) -> tuple[str | None, str | None]:
    value = text.strip()
    # Undo the apostrophe our exports put before a formula-like cell, so a round trip stores the original.
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        value = value[1:]
    return (value or None), None


def _name_agrees(written: str, names: tuple[str, ...]) -> bool:
    """A name agrees if it is the name, the full name (江苏省南京市玄武区), or a start or end of one (玄武, 南京市玄武区)."""

    def plain(text: str) -> str:
        return _key(text).replace("/", "")

    key = plain(written)
    return any(
        key == plain(name) or (len(key) >= 2 and (plain(name).startswith(key) or plain(name).endswith(key)))
        for name in names
        if name
    )


# ----------------------------------------------------------------------------------------------- the check


@dataclass
class CheckResult:
    """The outcome of checking one file: its dataset, its problems, and (if none) the rows ready to load."""

    dataset: Dataset | None
    problems: list[Problem]
    rows: pd.DataFrame | None = None  # the dataset's stored columns, typed; only when there are no problems
    rows_in_file: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.rows is not None


def _file_problem(reason: str, column: str = "", value: str = "", row: int | None = None) -> Problem:
    return Problem(row=row, column=column, value=value, reason=reason)


def _header_row(table: RawTable) -> tuple[int, HeaderMatch] | None:
    for index, (_, cells) in enumerate(table.head(5)):
        match = best_match(cells)
        if match is not None:
            return index, match
    return None


def _expected_headers() -> str:
    parts = []
    for d in datasets.IMPORTABLE.values():
        keys = _listed(_column_label(c) for c in d.key_columns)
        parts.append(f"{datasets_label(d)} ({keys} …)")
    return "; ".join(parts)


def datasets_label(d: Dataset) -> str:
    return t(d.label_key, _LANG.get())


def check_table(
    table: RawTable, reference: Reference, runner: QueryRunner | None = None, lang: str = "zh"
) -> CheckResult:
    """Check every row of a table read from a file; runner serves checks that need SQL (milestone assignments).
    The reasons are written in lang."""
    with _language(lang):
        return _check_table(table, reference, runner)


def _check_table(table: RawTable, reference: Reference, runner: QueryRunner | None) -> CheckResult:
    found = _header_row(table)
    if found is None:
        number, cells = table.row(0)
        return CheckResult(
            dataset=None,
            problems=[
                _file_problem(
                    _say("chk_unknown_header", expected=_expected_headers()),
                    value="、".join(c for c in cells if c.strip())[:200],
                    row=number,
                )
            ],
        )
    header_index, match = found
    header_row = int(table.numbers[header_index])
    spec = match.dataset
    problems: list[Problem] = []
    for _, header in match.duplicates:
        problems.append(_file_problem(_say("chk_duplicate_column"), column=header, row=header_row))
    for _, header in match.unknown:
        hidden = invisible_characters(header)
        if hidden:
            names = _listed(invisible_name(ch, _LANG.get()) for ch in hidden)
            problems.append(_file_problem(_say("cell_invisible", names=names), column=visible(header), row=header_row))
            continue
        problems.append(
            _file_problem(
                _say("chk_unknown_column", dataset=datasets_label(spec)),
                column=header,
                row=header_row,
            )
        )
    for f in spec.fields:
        if f.required and f.name not in match.positions:
            label = _column_label(f.name)
            problems.append(_file_problem(_say("chk_missing_column", label=label), column=label, row=header_row))
    cells = _Cells.after(table, header_index)
    if not len(cells.numbers):
        problems.append(_file_problem(_say("chk_header_only")))
        return CheckResult(dataset=spec, problems=problems, rows_in_file=0, ignored_columns=match.ignored)
    _check_cells_outside_header(match, cells, problems)
    parsed = _parse_columns(spec, match, cells, reference, problems, table.uncomputed)
    _check_relations(spec, match, parsed, reference, problems)
    _check_duplicates(spec, match, parsed, problems)
    if spec.key == "progress" and runner is not None:
        _check_assignments(match, parsed, runner, problems)
    _check_example_rows(spec, parsed, reference, problems)
    problems.sort(key=lambda p: (p.row or 0, _column_order(match, p.column)))
    result = CheckResult(
        dataset=spec, problems=problems, rows_in_file=len(cells.numbers), ignored_columns=match.ignored
    )
    if not problems:
        result.rows = _frame(spec, parsed)
    return result


def _column_order(match: HeaderMatch, header: str) -> int:
    try:
        return match.headers.index(header)
    except ValueError:
        return -1


@dataclass
class _Cells:
    """The data rows of a table (the rows after its header), column by column."""

    numbers: np.ndarray  # each row's number as in Excel
    columns: list[TextColumn]

    @classmethod
    def after(cls, table: RawTable, header_index: int) -> _Cells:
        start = header_index + 1
        return cls(table.numbers[start:], [column.sliced(start) for column in table.columns])

    def column(self, index: int) -> TextColumn:
        """The cells at a position (blank where the file has no such column)."""
        if index < len(self.columns):
            return self.columns[index]
        return TextColumn(np.zeros(len(self.numbers), dtype=np.int32), [""])


def _per_row(distinct: list, codes: np.ndarray, test) -> np.ndarray:
    """test(value) for every row of a dictionary-encoded column, evaluated once per distinct value."""
    return np.fromiter((bool(test(value)) for value in distinct), dtype=bool, count=len(distinct))[codes]


def _filled(column: TextColumn) -> np.ndarray:
    """Per row: the cell holds more than white space."""
    return _per_row(column.texts, column.codes, str.strip)


def _check_cells_outside_header(match: HeaderMatch, cells: _Cells, problems: list[Problem]) -> None:
    """Cells beyond the header's last column, and cells under a column without a header."""
    width = len(match.headers)
    beyond = cells.columns[width:]
    if beyond:
        filled = [_filled(column) for column in beyond]
        for position in np.flatnonzero(np.logical_or.reduce(filled)):
            extra = [column.text(position) for column, mask in zip(beyond, filled) if mask[position]]
            problems.append(
                _file_problem(
                    _say("chk_too_many_cells", cells=width + len(extra), width=width),
                    value=extra[0],
                    row=int(cells.numbers[position]),
                )
            )
    unnamed = [(index, _filled(cells.column(index))) for index, header in enumerate(match.headers) if not header]
    found = sorted((position, index) for index, mask in unnamed for position in np.flatnonzero(mask))
    for position, index in found:
        problems.append(
            _file_problem(
                _say("chk_unnamed_column"),
                value=cells.column(index).text(position),
                row=int(cells.numbers[position]),
            )
        )


_STRICT_KINDS = ("count", "hours", "percent", "month", "date", "status")


# What a blank cell comes to (whether it is a problem depends on the row: a formula without a value, a required column).
_BLANK = (None, "", None)


def _cell_outcome(text: str, allow_breaks: bool, parse) -> tuple[object, str, str | None]:
    """(value, the cell as shown in a problem, the problem or None) of a cell's text; _BLANK for a blank cell."""
    hidden = invisible_characters(text, allow_breaks=allow_breaks)
    if hidden:
        names = _listed(invisible_name(ch, _LANG.get()) for ch in hidden)
        return None, visible(text), _say("cell_invisible", names=names)
    if not text.strip():
        return _BLANK
    value, reason = parse(text)
    return value, text, reason


@dataclass
class _Column:
    """A dataset's column as checked: per row a code into the distinct texts; each distinct text parsed once."""

    codes: np.ndarray
    texts: list[str]
    values: list[object]  # the parsed value of each distinct text (None: blank or not valid)
    bad: np.ndarray  # per row: the cell has a problem (reported), so checks across columns skip it

    def value(self, position: int) -> object:
        return self.values[self.codes[position]]

    def text(self, position: int) -> str:
        return self.texts[self.codes[position]]

    def per_row(self, test) -> np.ndarray:
        """test(value) for every row, evaluated once per distinct value."""
        return _per_row(self.values, self.codes, test)

    def as_floats(self) -> np.ndarray:
        """The values as floats per row (NaN where there is none), for comparisons across columns."""
        distinct = np.array([np.nan if v is None else float(v) for v in self.values], dtype=np.float64)
        return distinct[self.codes]


@dataclass
class _Parsed:
    numbers: np.ndarray  # each row's number as in Excel
    columns: dict[str, _Column]  # the dataset's columns present in the file


def _parse_columns(
    spec: Dataset,
    match: HeaderMatch,
    cells: _Cells,
    reference: Reference,
    problems: list[Problem],
    uncomputed: dict[tuple[int, int], str] | None = None,
) -> _Parsed:
    """Parse every column, one distinct text at a time (a cell's outcome depends on its text alone), and report
    the cells that are not valid, blank where a value is required, or a formula the file holds no result of."""
    uncomputed = uncomputed or {}
    free_text = {f.name for f in spec.fields if f.kind not in _STRICT_KINDS and f.role != "check"}
    numbers = cells.numbers
    parsed = _Parsed(numbers=numbers, columns={})
    for f in spec.fields:
        if f.name not in match.positions or f.role == "ignore":
            continue
        index, header = match.positions[f.name], match.header(f.name)
        column = cells.column(index)
        parse = _parser(f, reference)
        outcomes = [_cell_outcome(text, f.name in free_text, parse) for text in column.texts]
        count = len(outcomes)
        blank = np.fromiter((o is _BLANK for o in outcomes), dtype=bool, count=count)[column.codes]
        failed = np.fromiter((o is not _BLANK and o[2] is not None for o in outcomes), dtype=bool, count=count)
        bad = failed[column.codes]
        for position in np.flatnonzero(bad):
            _, shown, reason = outcomes[column.codes[position]]
            problems.append(
                Problem(int(numbers[position]), header, shown, reason, outside_scope=isinstance(reason, OutsideScope))
            )
        formulas = sorted((row, formula) for (row, at), formula in uncomputed.items() if at == index)
        for row, formula in formulas:
            position = int(np.searchsorted(numbers, row))
            if position < len(numbers) and numbers[position] == row and blank[position]:
                problems.append(Problem(row, header, formula, _say("cell_formula_no_value", formula=formula)))
                blank[position] = False
                bad[position] = True
        if f.required:
            for position in np.flatnonzero(blank):
                problems.append(Problem(int(numbers[position]), header, "", _say("chk_required")))
            bad |= blank
        parsed.columns[f.name] = _Column(column.codes, column.texts, [o[0] for o in outcomes], bad)
    return parsed


def _parser(f: Field, reference: Reference):
    if f.name == "region_code":
        return lambda text: parse_region(text, reference)
    if f.name in ("agency_code", "domain_code"):
        table = reference.agencies if f.name == "agency_code" else reference.domains
        unknown = "chk_unknown_agency" if f.name == "agency_code" else "chk_unknown_domain"

        def parse_code(text: str) -> tuple[str | None, str | None]:
            code = table.get(_key(text))
            return (code, None) if code else (None, _say(unknown, text=text.strip()))

        return parse_code
    if f.name == "milestone_id":

        def parse_milestone(text: str) -> tuple[str | None, str | None]:
            found = reference.milestones.get(_clean(text).upper())
            return (found, None) if found else (None, _say("chk_unknown_milestone", text=text.strip()))

        return parse_milestone
    if f.role == "check":
        return lambda text: (text.strip(), None)
    return {
        "count": parse_count,
        "hours": parse_hours,
        "percent": parse_percent,
        "month": parse_month,
        "date": parse_date,
        "status": parse_status,
    }.get(f.kind, parse_text)


def _label(match: HeaderMatch, column: str) -> str:
    return match.header(column) if column in match.positions else _column_label(column)


def _check_relations(
    spec: Dataset, match: HeaderMatch, parsed: _Parsed, reference: Reference, problems: list[Problem]
) -> None:
    columns, numbers = parsed.columns, parsed.numbers
    for smaller, larger in spec.not_above:
        a, b = columns.get(smaller), columns.get(larger)
        if a is None or b is None:
            continue
        for position in np.flatnonzero(a.as_floats() > b.as_floats()):  # NaN (no value) compares false
            problems.append(
                Problem(
                    int(numbers[position]),
                    _label(match, smaller),
                    a.text(position),
                    _say(
                        "chk_larger",
                        smaller=_label(match, smaller),
                        a=a.value(position),
                        larger=_label(match, larger),
                        b=b.value(position),
                    ),
                )
            )
    reference_names = {"region_name": "region_code", "agency_name": "agency_code", "domain_name": "domain_code"}
    for name_column, code_column in reference_names.items():
        written, code = columns.get(name_column), columns.get(code_column)
        if written is None or code is None:
            continue
        both = written.per_row(bool) & code.per_row(bool) & ~written.bad
        # Each distinct (name as written, code) pair is judged once.
        pairs = written.codes.astype(np.int64) * len(code.values) + code.codes
        distinct, first = np.unique(pairs[both], return_index=True)
        positions = np.flatnonzero(both)[first]
        disagree = {}  # pair -> the name the code stands for
        for pair, position in zip(distinct, positions):
            names = _names_of(reference, code_column, code.value(position))
            if names and not _name_agrees(written.value(position), names):
                disagree[pair] = names[0]
        if not disagree:
            continue
        mismatch = both & np.isin(pairs, list(disagree))
        for position in np.flatnonzero(mismatch):
            problems.append(
                Problem(
                    int(numbers[position]),
                    _label(match, name_column),
                    written.value(position),
                    _say(
                        "chk_name_mismatch",
                        code_column=_label(match, code_column),
                        code=code.value(position),
                        name=disagree[pairs[position]],
                    ),
                )
            )
    if spec.key == "progress":
        _check_progress_rows(match, parsed, problems)


def _names_of(reference: Reference, code_column: str, code: str) -> tuple[str, ...]:
    if code_column == "region_code":
        return reference.regions.get(code, ())
    if code_column == "agency_code":
        return reference.agency_names.get(code, ())
    return reference.domain_names.get(code, ())


def _check_progress_rows(match: HeaderMatch, parsed: _Parsed, problems: list[Problem]) -> None:
    """A task's status, percentage and dates must agree (a progress file holds one row per task: a loop is fine)."""

    def cell(name: str, position: int) -> tuple[object, str, bool]:
        column = parsed.columns.get(name)
        if column is None:
            return None, "", False
        return column.value(position), column.text(position), bool(column.bad[position])

    for position, number in enumerate(parsed.numbers.tolist()):
        status, _, _ = cell("status_reported", position)
        percent, percent_text, _ = cell("percent_complete", position)
        completed_on, completed_text, completed_bad = cell("completed_on", position)
        report_date, _, _ = cell("report_date", position)
        if status == "completed":
            if percent is not None and percent != 100:
                problems.append(
                    Problem(number, _label(match, "percent_complete"), percent_text, _say("chk_completed_percent"))
                )
            if completed_on is None and not completed_bad:
                problems.append(Problem(number, _label(match, "completed_on"), "", _say("chk_completed_no_date")))
        elif status is not None and completed_on is not None:
            problems.append(
                Problem(number, _label(match, "completed_on"), completed_text, _say("chk_date_without_completed"))
            )
        if completed_on is not None and report_date is not None and completed_on > report_date:
            problems.append(
                Problem(
                    number,
                    _label(match, "completed_on"),
                    completed_text,
                    _say("chk_completed_after_report", completed_on=completed_on, report_date=report_date),
                )
            )


def _key_text(value: object, kind: str) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m") if kind == "month" else value.isoformat()
    return str(value)


def _value_ids(column: _Column) -> np.ndarray:
    """Per row, a number standing for its value: equal values (2024-01 and 2024/1) get the same number."""
    ids, _ = pd.factorize(pd.Series(column.values, dtype=object), use_na_sentinel=False)
    return ids[column.codes]


def _check_duplicates(spec: Dataset, match: HeaderMatch, parsed: _Parsed, problems: list[Problem]) -> None:
    keys = spec.key_columns
    if not all(k in parsed.columns for k in keys):
        return
    columns = [parsed.columns[k] for k in keys]
    usable = ~np.logical_or.reduce([column.bad for column in columns])
    frame = pd.DataFrame({k: _value_ids(column)[usable] for k, column in zip(keys, columns)})
    frame["row_no"] = parsed.numbers[usable]
    again = frame.duplicated(subset=list(keys), keep="first").to_numpy()
    if not again.any():
        return
    first = frame.groupby(list(keys), sort=False)["row_no"].transform("first").to_numpy()
    positions = np.flatnonzero(usable)
    labels = "+".join(match.header(k) for k in keys)
    what = _listed(_column_label(k) for k in keys)
    for at in np.flatnonzero(again):
        position = positions[at]
        problems.append(
            Problem(
                int(parsed.numbers[position]),
                labels,
                " / ".join(_key_text(c.value(position), spec.field(k).kind) for k, c in zip(keys, columns)),
                _say("chk_duplicate_row", first=int(first[at]), what=what),
            )
        )


def _check_assignments(match: HeaderMatch, parsed: _Parsed, runner: QueryRunner, problems: list[Problem]) -> None:
    milestone, region = parsed.columns.get("milestone_id"), parsed.columns.get("region_code")
    if milestone is None or region is None:
        return
    present = milestone.per_row(bool) & region.per_row(bool)
    if not present.any():
        return
    frame = pd.DataFrame(
        {
            "row_no": parsed.numbers[present],
            "milestone_id": np.array(milestone.values, dtype=object)[milestone.codes[present]],
            "region_code": np.array(region.values, dtype=object)[region.codes[present]],
        }
    )
    unassigned = runner.run("import_unassigned_progress", frames={"incoming_pairs": frame})
    for row in unassigned.itertuples(index=False):
        problems.append(
            Problem(
                int(row.row_no),
                _label(match, "milestone_id"),
                row.milestone_id,
                _say(
                    "chk_not_assigned",
                    milestone=row.milestone_id,
                    code=row.region_code,
                    name=row.region_name,
                    issuer=row.issuer,
                    levels=_listed(level_label(level, _LANG.get()) for level in row.applies_to_levels),
                ),
            )
        )


def _check_example_rows(spec: Dataset, parsed: _Parsed, reference: Reference, problems: list[Problem]) -> None:
    """A row identical to the template's example row (left in by mistake) is a problem."""
    example = {}
    for f in spec.fields:
        if f.role in ("key", "value") and f.example:
            value, _ = _parser(f, reference)(f.example)
            example[f.name] = value
    rows = np.ones(len(parsed.numbers), dtype=bool)
    for name, wanted in example.items():
        column = parsed.columns.get(name)
        if column is None:
            if wanted is not None:
                return
            continue
        rows &= column.per_row(lambda value, wanted=wanted: value == wanted)
    for position in np.flatnonzero(rows):
        problems.append(Problem(int(parsed.numbers[position]), "", "", _say("chk_example_row")))


def _frame(spec: Dataset, parsed: _Parsed) -> pd.DataFrame:
    count = len(parsed.numbers)
    data = {}
    for name in spec.value_columns:
        kind = spec.field(name).kind
        column = parsed.columns.get(name)
        values = [None] if column is None else column.values
        codes = np.zeros(count, dtype=np.int32) if column is None else column.codes
        missing = np.fromiter((v is None for v in values), dtype=bool, count=len(values))[codes]
        if kind in ("count", "percent") and not missing.any():
            # int32, as the database stores counts (parse_count refuses more than INT_MAX): half the memory
            data[name] = np.array([0 if v is None else v for v in values], dtype=np.int32)[codes]
        elif kind == "hours":
            data[name] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)[codes]
        else:
            distinct = np.empty(len(values), dtype=object)
            distinct[:] = values
            data[name] = distinct[codes]
    frame = pd.DataFrame(data, columns=list(spec.value_columns))
    for name in spec.value_columns:
        kind = spec.field(name).kind
        if kind in ("count", "percent"):
            frame[name] = frame[name].astype("int32")
        elif kind in ("month", "date"):
            frame[name] = frame[name].astype(object)
    frame.insert(0, "row_no", parsed.numbers)
    return frame


def check(table: RawTable, runner: QueryRunner, scope: Scope | None = None, lang: str = "zh") -> CheckResult:
    """Check a table against the database behind runner (regions, agencies, domains, milestones, assignments);
    with a scope, a row whose region lies outside it is a problem too. The reasons are written in lang."""
    reference = load_reference(runner)
    reference.scope = scope
    return check_table(table, reference, runner, lang)


def problem_summary(problems: Iterable[Problem]) -> pd.DataFrame:
    """How many problems each column has (the first thing to look at when there are hundreds)."""
    frame = problems_frame(problems)
    counts = frame.groupby("column", sort=False).size().rename("problem_count").reset_index()
    return counts.sort_values("problem_count", ascending=False, kind="stable")
