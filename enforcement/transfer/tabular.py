"""Read an uploaded file into rows of text, whatever Excel or a clerk's tools made of it, within fixed limits.

Accepts CSV in UTF-8 (with or without BOM), GB18030/GBK (what Excel on a Chinese Windows saves as "CSV"),
UTF-16 ("Unicode text", tab-separated, with or without BOM) and .xlsx. Decides by the content, not the file name:
a PDF renamed .csv or a Word file renamed .xlsx is recognised as not a table. Every cell comes back as the text a
person sees in Excel (a percent-formatted 0.5 is "50%"), numbered by the row the user sees (the first row is row 1),
so that problems can name it.

Limits are enforced by this code while it reads, before anything large is built: the upload's size, a workbook's
declared and actually inflated size and compression ratio (checked before the workbook is parsed), rows, columns
and a time budget. A file over a limit is refused with a message naming the limit (TableError).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from xml.parsers import expat

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from enforcement.i18n import plain, t
from enforcement.transfer.csv_regular import RegularCsv, read_regular

MB = 1024 * 1024
MAX_BYTES = 100 * MB  # below the server's upload cap (110 MB), so our message is the one users see; a full sheet of
# figures (1,048,575 rows of a case file) takes about 85 MB as CSV
MAX_INFLATED = 1024 * MB  # a workbook's parts, unpacked, all together (a full sheet of case figures: ~770 MB of XML,
# streamed row by row, never held)
MAX_INFLATED_WHOLE = 128 * MB  # each part the reader holds whole (the shared text table, styles), unpacked
MAX_RATIO = 100  # unpacked size / packed size of one part over 1 MB (real sheets: 5-30)
MAX_ZIP_ENTRIES = 1_000
MAX_ROWS = 1_048_575  # data rows (non-blank) of one file: as many as one Excel sheet holds under its header
MAX_COLUMNS = 100
MAX_SHEET_ROWS = 1_048_576  # Excel's own last row
MAX_SECONDS = 120  # reading one file, whatever it holds
_SNIFF_BYTES = 64 * 1024
_CHUNK = 256 * 1024
# Message values that are text from the file (sheet names, a line of text, a part's name, the csv module's words).
_FROM_THE_FILE = frozenset({"sheet", "sheets", "line", "part", "reason"})


class TableError(Exception):
    """The file cannot be read as a table, or is over a limit: a message for the user (an i18n key and values)."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values

    def message(self, lang: str = "zh", markdown: bool = False) -> str:
        """The message; markdown=True for a page: the values that came from the file are shown as plain text."""
        if not markdown:
            return t(self.key, lang, **self.values)
        values = {
            name: plain(value) if name in _FROM_THE_FILE and isinstance(value, str) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, **values)

    def __str__(self) -> str:
        return self.message("zh")


@dataclass
class TextColumn:
    """One column of a table as read, dictionary-encoded: a clerk's file repeats codes, months and small counts on
    every row, so each row holds a small integer (codes[i]) into the column's distinct texts."""

    codes: np.ndarray  # int32, one per row
    texts: list[str]  # distinct texts, in the order first seen

    def text(self, position: int) -> str:
        return self.texts[self.codes[position]]

    def sliced(self, start: int) -> TextColumn:
        return TextColumn(self.codes[start:], self.texts)


@dataclass
class RawTable:
    """The non-blank rows of a file as text cells, column by column, each row with the number the user sees in
    Excel. Columnar so that a million rows fit in bounded memory (four bytes a cell, plus each distinct text once)."""

    numbers: np.ndarray  # int64: each row's number as in Excel (the first row is 1), blank rows left out
    columns: list[TextColumn]  # as many as the widest row (at most MAX_COLUMNS); shorter rows padded with ''
    lengths: np.ndarray  # int32: each row's own number of cells (at most MAX_COLUMNS)
    kind: str  # csv or xlsx
    encoding: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)
    # Cells holding a formula whose result the file does not contain: (row, column index) -> the formula.
    uncomputed: dict[tuple[int, int], str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.numbers)

    def row(self, position: int) -> tuple[int, list[str]]:
        """One row as (number, cells), with as many cells as the file gave it."""
        length = int(self.lengths[position])
        return int(self.numbers[position]), [column.text(position) for column in self.columns[:length]]

    def head(self, count: int) -> list[tuple[int, list[str]]]:
        return [self.row(position) for position in range(min(count, len(self)))]

    @property
    def rows(self) -> list[tuple[int, list[str]]]:
        """Every row as (number, cells): for small tables (tests, a file's first rows); large ones stay columnar."""
        return self.head(len(self))


class _TableBuilder:
    """Collects rows a batch at a time into dictionary-encoded columns, enforcing the row and column limits.

    A batch is transposed and each of its columns factorised in C (pandas), blank rows dropped by their codes; the
    batches' distinct texts are merged into one dictionary per column at the end. Memory holds one batch of Python
    strings at most, besides each batch's distinct texts.
    """

    BATCH = 32_768

    def __init__(self, sheet: str | None):
        self.sheet = sheet  # its name in messages; None for a CSV
        self.numbers: list[np.ndarray] = []
        self.lengths: list[np.ndarray] = []
        self.batches: list[list[tuple[np.ndarray, np.ndarray]]] = []  # per column: (codes, distinct) per batch
        self.count = 0  # rows kept so far

    def _limit(self, key: str, **values: object) -> TableError:
        where = {} if self.sheet is None else {"sheet": self.sheet}
        return TableError(key + ("" if self.sheet is None else "_sheet"), **values, **where)

    def add_batch(self, first_number: int, rows: list[list[object]], values: bool = False) -> None:
        """Add rows numbered from first_number (as in Excel), leaving out blank ones.

        values: the cells are a workbook's values (text, numbers, dates, booleans), turned into text here, once per
        distinct value of a column, not once per cell; otherwise they are text already."""
        if not rows:
            return
        lengths = np.fromiter(map(len, rows), dtype=np.int32, count=len(rows))
        width = int(lengths.max())
        if width > MAX_COLUMNS:
            for offset, cells in enumerate(rows):
                if any(cell.__class__ is not str or cell.strip() for cell in cells[MAX_COLUMNS:]):
                    raise self._limit("tab_too_many_columns", row=first_number + offset, limit=MAX_COLUMNS)
            rows = [cells[:MAX_COLUMNS] for cells in rows]
            np.minimum(lengths, MAX_COLUMNS, out=lengths)
            width = MAX_COLUMNS
        if width == 0:  # empty lines only
            return
        if int(lengths.min()) < width:
            rows = [cells if len(cells) == width else cells + [""] * (width - len(cells)) for cells in rows]
        grid = np.array(rows, dtype=object)  # rows x width, built in C (faster than transposing in Python)
        del rows
        encoded = []
        blank = np.ones(len(grid), dtype=bool)
        for position in range(width):
            column = np.ascontiguousarray(grid[:, position])
            codes, distinct = _factorized_values(column) if values else pd.factorize(column, sort=False)
            blank &= np.fromiter((not text.strip() for text in distinct), dtype=bool, count=len(distinct))[codes]
            encoded.append((codes.astype(np.int32), distinct))
        del grid
        keep = ~blank
        count = int(keep.sum())
        if self.count + count > MAX_ROWS + 1:  # the header plus MAX_ROWS data rows
            raise self._limit("tab_too_many_rows", limit=f"{MAX_ROWS:,}")
        if not count:
            return
        while len(self.batches) < width:  # a new column: the rows before it had no cell there
            self.batches.append([(np.zeros(self.count, dtype=np.int32), np.array([""], dtype=object))])
        for position, (codes, distinct) in enumerate(encoded):
            self.batches[position].append((codes[keep], distinct))
        for position in range(width, len(self.batches)):
            self.batches[position].append((np.zeros(count, dtype=np.int32), np.array([""], dtype=object)))
        self.numbers.append(first_number + np.flatnonzero(keep))
        self.lengths.append(lengths[keep])
        self.count += count

    def table(self, **details: object) -> RawTable:
        columns = []
        for batches in self.batches:
            # One dictionary for the column: the batches' distinct texts factorised together.
            ids, texts = pd.factorize(np.concatenate([distinct for _, distinct in batches]), sort=False)
            parts, offset = [], 0
            for codes, distinct in batches:
                parts.append(ids[offset : offset + len(distinct)].astype(np.int32)[codes])
                offset += len(distinct)
            columns.append(TextColumn(np.concatenate(parts), list(texts)))
        return RawTable(
            numbers=np.concatenate(self.numbers) if self.numbers else np.zeros(0, dtype=np.int64),
            columns=columns,
            lengths=np.concatenate(self.lengths) if self.lengths else np.zeros(0, dtype=np.int32),
            **details,
        )


def _factorized_values(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A column of workbook values factorised, with each distinct value as the text a person sees (cell_text).

    True equals 1 and 1.0 in Python, so a column holding booleans beside numbers is turned into text cell by cell
    first; two distinct values may give the same text (1.0 and "1"), which RawTable's one dictionary merges."""
    kind = infer_dtype(column, skipna=False)  # in C; "floating" and "string" need no look at each cell's type
    if kind == "string":
        return pd.factorize(column, sort=False)
    if kind == "floating":  # hashed as float64, not as Python objects
        codes, distinct = pd.factorize(column.astype(np.float64), sort=False, use_na_sentinel=False)
        return codes, np.array([cell_text(float(value)) for value in distinct], dtype=object)
    kinds = set(map(type, column))
    if bool in kinds and (int in kinds or float in kinds):
        return pd.factorize(np.array([cell_text(value) for value in column], dtype=object), sort=False)
    codes, distinct = pd.factorize(column, sort=False, use_na_sentinel=False)
    return codes, np.array([value if value.__class__ is str else cell_text(value) for value in distinct], dtype=object)


def _collect(rows: Iterator[list[object]], clock: _Clock, sheet: str | None, values: bool = False) -> _TableBuilder:
    """Every row (blank ones too, so that the count is the row number) into a builder, a batch at a time, the time
    budget checked between batches. sheet: its name in messages, None for a CSV. values: see add_batch."""
    table, first = _TableBuilder(sheet), 1
    while batch := list(itertools.islice(rows, _TableBuilder.BATCH)):
        table.add_batch(first, batch, values)
        first += len(batch)
        clock.check()
    return table


_MAGIC = (
    (b"%PDF", "tab_pdf"),
    (b"\xd0\xcf\x11\xe0", "tab_ole"),
    (b"\x89PNG", "tab_png"),
    (b"\xff\xd8\xff", "tab_jpeg"),
    (b"GIF8", "tab_gif"),
    (b"Rar!", "tab_rar"),
    (b"7z\xbc\xaf", "tab_7z"),
    (b"\x1f\x8b", "tab_gzip"),
)


class _Clock:
    """The time budget of reading one file (a limit the code enforces, checked every few thousand rows)."""

    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise TableError("tab_too_slow", seconds=int(self.seconds))


def read_table(data: bytes, file_name: str = "", is_header: Callable[[list[str]], bool] | None = None) -> RawTable:
    """The file's rows as text. Raises TableError if it is empty, binary, over a limit or not readable as a table.

    is_header: recognises a header row; used to pick the data sheet of a workbook (templates carry a 填写说明 sheet).
    """
    if len(data) > MAX_BYTES:
        raise TableError("tab_too_large", size=f"{len(data) / MB:.1f}", limit=MAX_BYTES // MB)
    if not data.strip():
        raise TableError("tab_empty")
    for magic, key in _MAGIC:
        if data.startswith(magic):
            raise TableError(key)
    clock = _Clock(MAX_SECONDS)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _read_xlsx(data, is_header, clock)
    return _read_csv(data, clock)


# ----------------------------------------------------------------------------------------------- text


_INVISIBLE_NAMES = {
    "\x00": ("空字符 NUL", "NUL character"),
    "\ufeff": ("字节顺序标记 BOM", "byte order mark (BOM)"),
    "\u200b": ("零宽空格", "zero-width space"),
    "\u200c": ("零宽非连接符", "zero-width non-joiner"),
    "\u200d": ("零宽连接符", "zero-width joiner"),
    "\u2060": ("零宽不换行空格", "word joiner"),
    "\u00ad": ("软连字符", "soft hyphen"),
}


def invisible_characters(text: str, allow_breaks: bool = False) -> list[str]:
    """The invisible characters in a cell (control and format characters: NUL, BOM, zero-width, direction marks).

    allow_breaks: line breaks and tabs are allowed (free text such as a note may have several lines).
    """
    if text.isprintable():  # the usual cell, checked in C: no control, format or separator character at all
        return []
    found = []
    for ch in text:
        if ch in "\t\r\n" and allow_breaks:
            continue
        hidden = ch in "\t\r\n" or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")
        if hidden and ch not in found:
            found.append(ch)
    return found


def invisible_name(ch: str, lang: str = "zh") -> str:
    """A character a person cannot see, named so that they can find it: 零宽空格 (U+200B)."""
    names = _INVISIBLE_NAMES.get(ch)
    name = (names[1] if lang == "en" else names[0]) if names else unicodedata.name(ch, "").lower() or "control"
    return f"{name} (U+{ord(ch):04X})"


def visible(text: str) -> str:
    """The text with each invisible character shown as ⟨U+XXXX⟩, so a report shows where it is."""
    hidden = set(invisible_characters(text))
    return "".join(f"⟨U+{ord(ch):04X}⟩" if ch in hidden else ch for ch in text)


# ----------------------------------------------------------------------------------------------- CSV

_UTF8, _UTF8_BOM, _UTF16, _GB, _BIG5 = "UTF-8", "UTF-8 (BOM)", "UTF-16", "GB18030/GBK", "Big5"


_CONTROL_BYTES = [byte for byte in range(32) if byte not in b"\t\r\n"]


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le / utf-16-be if the bytes look like UTF-16 text without a BOM (ASCII as every other byte zero)."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if zero_odd > 0.3 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.3 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def _gb2312_share(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese (in GB2312): near 1 for real GBK text."""
    wide = []
    for ch in text:
        if ord(ch) > 127:
            wide.append(ch)
            if len(wide) >= 100_000:  # a sample is enough to tell
                break
    if not wide:
        return 1.0
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(wide)


def _decode(data: bytes) -> tuple[str, str, str]:
    """Decode strictly, from what Excel and Chinese Windows produce; refuse, naming a line, what does not decode.
    Returns the text, the encoding's name for the user and Python's codec for it."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), _UTF8_BOM, "utf-8-sig"
        except UnicodeDecodeError as error:
            raise TableError(
                "tab_bad_line", encoding=_UTF8_BOM, line=_line_of(data, error.start + len(codecs.BOM_UTF8))
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), _UTF16, "utf-16"
        except UnicodeDecodeError:
            raise TableError("tab_bad_utf16") from None
    guessed = _utf16_without_bom(data[:_SNIFF_BYTES])
    if guessed is not None:
        try:
            return data.decode(guessed), _UTF16, guessed
        except UnicodeDecodeError:
            raise TableError("tab_bad_utf16") from None
    # Text in UTF-8, GBK or Big5 never holds a byte below 0x20 other than tab and line ends (their multi-byte
    # characters use bytes from 0x40 up), so many such bytes mean a binary file, whatever else it may decode as.
    sample = data[:_SNIFF_BYTES]
    if sum(sample.count(byte) for byte in _CONTROL_BYTES) > max(3, len(sample) // 100):
        raise TableError("tab_binary")
    try:
        return data.decode("utf-8"), _UTF8, "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8 as a whole: a file mixing UTF-8 rows with rows of another encoding is refused, naming a line.
    first_kind, first_other = None, None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            kind = _UTF8
        except UnicodeDecodeError:
            kind = "other"
        if first_kind is None:
            first_kind = kind
        elif kind != first_kind:
            first_other = number
            break
    if first_kind == _UTF8 and first_other is not None:
        raise TableError("tab_mixed_utf8_first", line=first_other)
    if first_other is not None:
        raise TableError("tab_mixed_utf8_later", encoding=_GB, line=first_other)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        text = None
        gb_error = error
    if text is not None and _gb2312_share(text) >= 0.9:
        return text, _GB, "gb18030"
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        big5 = None
    if big5 is not None:
        first_line = next((line for line in big5.splitlines() if not line.isascii()), "")
        raise TableError("tab_big5", line=first_line.strip()[:80])
    if text is not None:  # rare characters, but valid GB18030
        return text, _GB, "gb18030"
    raise TableError("tab_unknown_encoding", line=_line_of(data, gb_error.start))


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(3, len(sample) // 100)


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def _regular_table(regular: RegularCsv, encoding: str, clock: _Clock) -> RawTable:
    """A regular CSV (read by Arrow) as the table the csv module's reading would have given."""
    clock.check()
    count = len(regular.numbers)
    if count > MAX_ROWS + 1:  # the header plus MAX_ROWS data rows
        raise TableError("tab_too_many_rows", limit=f"{MAX_ROWS:,}")
    if not count:
        raise TableError("tab_empty")
    return RawTable(
        numbers=regular.numbers,
        columns=[TextColumn(codes, texts) for codes, texts in regular.columns],
        lengths=np.full(count, regular.width, dtype=np.int32),
        kind="csv",
        encoding=encoding,
    )


def _read_csv(data: bytes, clock: _Clock) -> RawTable:
    text, encoding, codec = _decode(data)
    if _looks_binary(text):
        raise TableError("tab_controls")
    delimiter = _delimiter(text)
    utf8 = data[len(codecs.BOM_UTF8) :] if codec == "utf-8-sig" else data if codec == "utf-8" else text.encode()
    del text  # decoded whole only to check it; read again below, so the text is not held twice
    regular = read_regular(utf8, delimiter, MAX_COLUMNS)
    del utf8
    if regular is not None:
        return _regular_table(regular, encoding, clock)
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=codec, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        # A record with a quoted line break is still one row in Excel, so the record count is the row number.
        rows = _collect(reader, clock, sheet=None)
    except csv.Error as error:
        raise TableError("tab_bad_csv", line=reader.line_num, reason=str(error)) from None
    if not rows.count:
        raise TableError("tab_empty")
    return rows.table(kind="csv", encoding=encoding)


# ----------------------------------------------------------------------------------------------- xlsx


def cell_text(value: object) -> str:
    """A cell of a workbook as the text the user typed (320102, not 320102.0; a date as 2024-06-30)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _is_percent_format(number_format: str | None) -> bool:
    """True for Excel formats that show a number times 100 with a % sign (0%, 0.00%), quoted text aside."""
    if not number_format or "%" not in number_format:
        return False
    outside, quoted = [], False
    for ch in number_format:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    return "%" in "".join(outside).replace("\\%", "")


def shown_text(value: object, number_format: str | None) -> str:
    """The text a person sees in the cell: a percent-formatted 0.5 is 50%, 1.0 is 100%; otherwise as typed."""
    if isinstance(value, int | float) and not isinstance(value, bool) and _is_percent_format(number_format):
        percent = (Decimal(repr(value)) * 100).normalize()
        return f"{percent:f}%"
    return cell_text(value)


@dataclass(frozen=True)
class _Part:
    name: str
    inflated: int
    has_formula: bool


def check_archive(data: bytes, limit: int = MAX_INFLATED) -> list[_Part]:
    """Check a workbook's zip before anything parses it: entry count, declared sizes and ratios, then every part
    inflated in chunks, counting the bytes and stopping as soon as the count passes the limit.

    Python's zipfile never returns more than a part's declared size and checks its CRC, so a part that lies about
    its size is refused as damaged. Returns each part's inflated size and whether it holds a formula.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise TableError("tab_bad_zip") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise TableError("tab_zip_entries", n=len(infos), limit=MAX_ZIP_ENTRIES)
    declared = sum(info.file_size for info in infos)
    if declared > limit:
        raise TableError("tab_zip_inflated", size=declared // MB, limit=limit // MB)
    for info in infos:
        if info.file_size > MAX_INFLATED_WHOLE and not info.filename.startswith("xl/worksheets/"):
            raise TableError("tab_zip_part_inflated", part=info.filename[:80], limit=MAX_INFLATED_WHOLE // MB)
        if info.file_size > MB and info.file_size > MAX_RATIO * max(1, info.compress_size):
            ratio = info.file_size // max(1, info.compress_size)
            raise TableError("tab_zip_ratio", part=info.filename[:80], ratio=ratio, limit=MAX_RATIO)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise TableError("tab_word" if "word/document.xml" in names else "tab_not_workbook")
    parts, total = [], 0
    for info in infos:
        inflated, has_formula, tail = 0, False, b""
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    inflated += len(chunk)
                    total += len(chunk)
                    if total > limit or inflated > info.file_size:
                        raise TableError("tab_zip_inflated", size=total // MB, limit=limit // MB)
                    if not has_formula and info.filename.startswith("xl/worksheets/"):
                        window = tail + chunk
                        # most windows hold no "f" at all (memchr), and four scans of a sheet's XML took seconds
                        has_formula = b"f" in window and (
                            b"<f>" in window or b"<f " in window or b":f>" in window or b":f " in window
                        )
                        tail = chunk[-4:]
        except TableError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
            raise TableError("tab_bad_zip") from None
        parts.append(_Part(info.filename, inflated, has_formula))
    return parts


def _workbook_shows_percentages(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """True if one of the workbook's cell formats shows a number as a percentage (built-in 0% or 0.00%, or its own
    format with a % outside quotes). Read by expat event by event, so a crafted styles part builds nothing."""
    part = "xl/styles.xml" if "xl/styles.xml" in names else None
    if part is None:
        return False
    percent_ids, inside_cell_formats, found = {"9", "10"}, False, False

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal inside_cell_formats, found
        local = tag.rpartition(":")[2]
        if local == "numFmt" and _is_percent_format(attributes.get("formatCode")):
            percent_ids.add(attributes.get("numFmtId", ""))
        elif local == "cellXfs":
            inside_cell_formats = True
        elif local == "xf" and inside_cell_formats and attributes.get("numFmtId") in percent_ids:
            found = True

    def end(tag: str) -> None:
        nonlocal inside_cell_formats
        if tag.rpartition(":")[2] == "cellXfs":
            inside_cell_formats = False

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        with archive.open(part) as stream:
            while not found and (chunk := stream.read(_CHUNK)):
                parser.Parse(chunk, False)
    except expat.ExpatError:
        raise TableError("tab_bad_workbook", error="styles.xml") from None
    return found


class _FloatTexts(dict):
    """Each number's text, worked out once: a clerk's file repeats the same small counts on every row."""

    def __missing__(self, value: float) -> str:
        text = self[value] = cell_text(value)
        return text


def _values_rows(stream, clock: _Clock, title: str) -> Iterator[list[object]]:
    """The rows of a plain stream (values only), cut to the widest row that has a cell so far; turned into text
    by _TableBuilder (values=True), or by _texts.

    The stream pads every row to the column limit; cutting at the widest filled cell keeps a 21-column file at 21
    columns. A value that is not a string is a number, a date or a boolean (never the empty string)."""
    width = 0
    for number, row in enumerate(stream, start=1):
        if number % 5000 == 0:  # also while looking for a header, which may follow a great many blank rows
            clock.check()
            if number > MAX_SHEET_ROWS:
                raise TableError("tab_too_many_rows_sheet", limit=f"{MAX_ROWS:,}", sheet=title)
        tail = row[width:]
        if tail.count("") != len(tail):
            width = max(i for i, value in enumerate(row) if not (value.__class__ is str and value == "")) + 1
        yield row[:width]


def _texts(rows: Iterator[list[object]]) -> Iterator[list[str]]:
    """Rows of workbook values as text, cell by cell (for a few rows; a whole sheet goes through _TableBuilder)."""
    for row in rows:
        yield [value if value.__class__ is str else cell_text(value) for value in row]


def _formatted_rows(
    stream, clock: _Clock, title: str, uncomputed: dict[tuple[int, int], str] | None
) -> Iterator[list[str]]:
    """The rows of a rich stream (cells with their formats) as the text a person sees: a percent-formatted 0.5 is
    50%. Records in `uncomputed` (None: the sheets hold no formula) the cells holding a formula whose result the file
    does not contain (a file never opened in Excel)."""
    percent_styles = {
        position for position, style in enumerate(stream.styles or []) if _is_percent_format(style.get("number_format"))
    }
    texts = _FloatTexts()
    for number, row in enumerate(stream, start=1):
        if number % 5000 == 0:
            clock.check()
            if number > MAX_SHEET_ROWS:
                raise TableError("tab_too_many_rows_sheet", limit=f"{MAX_ROWS:,}", sheet=title)
        cells, width = [], 0
        for cell in row:
            value = cell.value
            if value.__class__ is str:
                cells.append(value)
                if value == "":  # blank, or a formula the file holds no result for
                    if uncomputed is not None and cell.formula and len(uncomputed) < 10_000:
                        uncomputed[(number, cell.column)] = cell.formula[:61]
                    continue
            elif cell.style_id in percent_styles:
                cells.append(shown_text(value, "0%"))
            else:
                cells.append(texts[value] if value.__class__ is float else cell_text(value))
            width = len(cells)
        yield cells[:width]


def _sheet_head(workbook, title: str, clock: _Clock, count: int = 5) -> list[tuple[int, list[str]]]:
    """The sheet's first non-blank rows (to find a header)."""
    head = []
    for number, cells in enumerate(_texts(_values_rows(_stream(workbook, title), clock, title)), start=1):
        if "".join(cells).strip():
            head.append((number, cells[:MAX_COLUMNS]))
            if len(head) >= count:
                break
    return head


def _stream(workbook, title: str, rich: bool = False):
    # Columns past the limit are not read; the one just past it is, so that a cell there is refused (_TableBuilder).
    return workbook.stream_sheet_by_name(title, rich=rich, max_col=MAX_COLUMNS)


def _sheet_label(title: str, state: str, lang: str = "zh") -> str:
    return f"“{title}”" + ("" if state == "visible" else t("tab_hidden_mark", lang))


def _read_xlsx(data: bytes, is_header: Callable[[list[str]], bool] | None, clock: _Clock) -> RawTable:
    from python_calamine_plus import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    parts = check_archive(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        shows_percentages = _workbook_shows_percentages(archive, {part.name for part in parts})
    # Formats and formulas need the cell-by-cell reader (several times slower); most files have neither.
    has_formulas = any(part.has_formula for part in parts if part.name.startswith("xl/worksheets/"))
    rich = shows_percentages or has_formulas
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # calamine raises its own kinds, and a Rust panic is not an Exception
        raise TableError("tab_bad_workbook", error=type(error).__name__) from None
    try:
        sheets = [
            (meta.name, "visible" if meta.visible == SheetVisibleEnum.Visible else "hidden")
            for meta in workbook.sheets_metadata
            if meta.typ == SheetTypeEnum.WorkSheet
        ]
        if not sheets:
            raise TableError("tab_no_sheets")
        try:
            heads = [(title, state, _sheet_head(workbook, title, clock)) for title, state in sheets]
        except (TableError, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # a damaged sheet
            raise TableError("tab_bad_sheet", error=type(error).__name__) from None
        filled = [(title, state, rows) for title, state, rows in heads if rows]
        if not filled:
            raise TableError("tab_sheets_empty")
        candidates = [
            (title, state)
            for title, state, rows in filled
            if is_header is not None and any(is_header(cells) for _, cells in rows)
        ]
        if len(candidates) > 1:
            labels = "、".join(_sheet_label(title, state) for title, state in candidates)
            raise TableError("tab_several_sheets", sheets=labels, n=len(candidates))
        if candidates:
            chosen, state = candidates[0]
        else:
            visible_sheets = [title for title, state, _ in filled if state == "visible"]
            if not visible_sheets:
                raise TableError(
                    "tab_only_hidden", sheets="、".join(_sheet_label(title, "hidden") for title, _, _ in filled)
                )
            chosen, state = visible_sheets[0], "visible"
        if state != "visible":
            raise TableError("tab_hidden_sheet", sheet=chosen)
        uncomputed: dict[tuple[int, int], str] = {}
        try:
            stream = _stream(workbook, chosen, rich=rich)
            if rich:
                built = _collect(
                    _formatted_rows(stream, clock, chosen, uncomputed if has_formulas else None), clock, chosen
                )
            else:
                built = _collect(_values_rows(stream, clock, chosen), clock, chosen, values=True)
        except (TableError, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # a damaged sheet
            raise TableError("tab_bad_sheet", error=type(error).__name__) from None
        return built.table(kind="xlsx", sheet=chosen, uncomputed=uncomputed)
    finally:
        workbook.close()
