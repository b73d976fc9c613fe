"""Arrow reads a regular CSV exactly as the csv module does, and leaves every other file to the csv module."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcement.transfer import csv_regular, tabular


def _by_csv_module(data: bytes, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as patched:
        patched.setattr(tabular, "read_regular", lambda *args: None)
        return _outcome(data)


def _outcome(data: bytes):
    """What reading gives: the rows with their numbers, the encoding; or the refusal's key and values."""
    try:
        table = tabular.read_table(data)
    except tabular.TableError as error:
        return ("refused", error.key, error.values)
    return ("read", table.rows, table.encoding)


# Cells from what clerks' files hold and what breaks parsers: delimiters, quotes, line ends, blanks, CJK.
CELL = st.text(alphabet=st.sampled_from(list('ab1 ,;\t"\r\n\u3000\xa0玄武区.-%')), max_size=6)
RAGGED = st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=8)
RECTANGULAR = st.integers(1, 5).flatmap(
    lambda width: st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=8)
)
ROWS = st.one_of(RECTANGULAR, RAGGED)  # the first for Arrow's path, the second for the fallback


def _joined(rows: list[list[str]], delimiter: str, line_end: str, quote_all: bool) -> str:
    def cell(text: str) -> str:
        if quote_all or any(ch in text for ch in f'"{delimiter}\r\n'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return line_end.join(delimiter.join(cell(text) for text in row) for row in rows)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=ROWS,
    delimiter=st.sampled_from([",", "\t", ";"]),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
    quote_all=st.booleans(),
    trailing=st.sampled_from(["", "\n", "\r\n", "\n\n"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_any_csv_reads_the_same_with_or_without_arrow(
    rows, delimiter, line_end, quote_all, trailing, encoding, monkeypatch
):
    # well-formed (quoted where needed), then possibly ragged, with blank lines, or written by hand below
    text = _joined(rows, delimiter, line_end, quote_all) + trailing
    data = text.encode(encoding)
    assert _outcome(data) == _by_csv_module(data, monkeypatch)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list('ab,"\r\n \u3000区')), min_size=1, max_size=40))
def test_any_text_reads_the_same_with_or_without_arrow(text, monkeypatch):
    """Raw text, quotes unbalanced and all: the same rows, or the same refusal."""
    data = text.encode("utf-8")
    assert _outcome(data) == _by_csv_module(data, monkeypatch)


def test_a_regular_file_is_read_by_arrow_and_the_others_are_not():
    regular = '地区代码,月份,数量\n320102,2025-11,41\r\n , , \n320106,2025-10,"4,1"\n'.encode()
    read = csv_regular.read_regular(regular, ",", tabular.MAX_COLUMNS)
    assert read is not None and read.width == 3
    assert read.numbers.tolist() == [1, 2, 4]  # the blank third record is left out, and keeps its number
    assert [read.columns[2][1][code] for code in read.columns[2][0]] == ["数量", "41", "4,1"]
    empty_line = csv_regular.read_regular(b"a,b\n\n1,2\n", ",", tabular.MAX_COLUMNS)  # Arrow: a row of blanks
    assert empty_line is not None and empty_line.numbers.tolist() == [1, 3]
    for irregular in (
        b"a,b\n1,2,3\n",  # a record wider than the header
        b'a,b\n"1\n2",3\n',  # a value spanning two lines: Excel numbers the rows after it differently
        b"a,b\n1,\x002\n",  # NUL
        b'a,b\n"open,2\n',  # an unterminated quote
    ):
        assert csv_regular.read_regular(irregular, ",", tabular.MAX_COLUMNS) is None, irregular


def test_a_field_over_the_csv_modules_limit_is_refused_as_before():
    data = ("a,b\n" + "x" * (tabular.csv.field_size_limit() + 1) + ",1\n").encode()
    assert csv_regular.read_regular(data, ",", tabular.MAX_COLUMNS) is None
    assert _outcome(data)[:2] == ("refused", "tab_bad_csv")


def test_a_bom_is_not_a_cell():
    data = codecs.BOM_UTF8 + "地区代码,数量\n320102,41\n".encode()
    assert _outcome(data) == ("read", [(1, ["地区代码", "数量"]), (2, ["320102", "41"])], tabular._UTF8_BOM)
