"""The workbook reader streams a sheet row by row (calamine) and must still read what Excel shows: every cell where
Excel has it, numbered as Excel numbers its rows, numbers, dates and booleans as the text a person sees, a
percent-formatted 0.5 as 50%, whatever the sheet's own claims about its size. openpyxl, which builds every cell and
reads its format, is the reference."""

from __future__ import annotations

import datetime as dt
import io
import random
import re

import openpyxl
import pytest

from enforcement.transfer import tabular


def workbook(cells: dict[tuple[int, int], tuple[object, str | None]], extra_sheet: bool = False) -> bytes:
    """A workbook whose first sheet holds cells[(row, column)] = (value, number format or None), 1-based."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据"
    for (row, column), (value, number_format) in cells.items():
        cell = sheet.cell(row=row, column=column, value=value)
        if number_format:
            cell.number_format = number_format
    if extra_sheet:
        book.create_sheet("说明")["A1"] = "填写说明"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_openpyxl_reads_it(data: bytes) -> list[tuple[int, list[str]]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data), data_only=True).worksheets[0]
    rows = []
    for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
        cells = [tabular.shown_text(cell.value, cell.number_format) for cell in row]
        if "".join(cells).strip():
            rows.append((number, trimmed(cells)))
    return rows


def as_the_reader_reads_it(data: bytes) -> list[tuple[int, list[str]]]:
    table = tabular.read_table(data, "book.xlsx", lambda cells: "header" in cells)
    return [(number, trimmed(cells)) for number, cells in table.rows]


def trimmed(cells: list[str]) -> list[str]:
    cells = list(cells)
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def random_value(rng: random.Random) -> tuple[object, str | None]:
    kind = rng.choice(["int", "float", "big", "text", "code", "date", "datetime", "bool", "percent", "blank"])
    return {
        "int": (rng.randint(-5, 10_000), None),
        "float": (rng.choice([0.1, 2.5, 1e-7, 123.456, -0.75, 3.0]), None),
        "big": (rng.choice([1e20, 123456789012345678.0, 2**53]), None),
        "text": (rng.choice(["玄武区", " 前后空格 ", "a\nb", "=not a formula", "#N/A", "TRUE"]), None),
        "code": (rng.choice(["007", "320102", "0.50"]), "@"),
        "date": (dt.datetime(2024, rng.randint(1, 12), rng.randint(1, 28)), "yyyy-mm-dd"),
        "datetime": (dt.datetime(2025, 6, 30, 13, 45, 10), "yyyy-mm-dd hh:mm:ss"),
        "bool": (rng.random() < 0.5, None),
        "percent": (
            rng.choice([0.5, 1.0, 0.125, 2.0]),
            rng.choice(["0%", "0.00%", '0.0"%"']),
        ),
        "blank": ("", None),
    }[kind]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("with_percentages", [True, False])
@pytest.mark.parametrize("batch", [2, 32_768])
def test_the_streaming_reader_reads_what_openpyxl_reads(seed, with_percentages, batch, monkeypatch):
    """Blank rows above the header and between rows, ragged rows, every kind of value; with and without a percent
    format in the workbook (the reader reads formats only when one is there; without them, and with no formula, it
    reads values only). Small batches give columns of one
    kind of value (numbers only, text only), which the reader turns into text by their own paths."""
    monkeypatch.setattr(tabular._TableBuilder, "BATCH", batch)
    rng = random.Random(seed)
    cells = {(3, column): ("header" if column == 2 else f"列{column}", None) for column in range(2, 9)}
    for row in range(4, 60):
        if rng.random() < 0.2:
            continue  # a blank row
        for column in range(1, rng.randint(2, 14)):
            value = random_value(rng)
            if value[1] in ("0%", "0.00%", '0.0"%"') and not with_percentages:
                value = (value[0], None)
            if isinstance(value[0], str) and value[0].startswith("=") and not with_percentages:
                value = (value[0][1:], None)  # openpyxl writes it as a formula: the values-only reader reads none
            cells[(row, column)] = value
    data = workbook(cells, extra_sheet=True)
    expected = as_openpyxl_reads_it(data)
    assert expected[0][0] == 3 and any("%" in cell for _, row in expected for cell in row) == with_percentages
    assert as_the_reader_reads_it(data) == expected


def test_a_sheet_claiming_fewer_cells_than_it_holds_hides_none():
    """The dimension a sheet declares is the writer's claim: a sheet saying A1:B2 still gives its cells beyond."""
    data = workbook({(1, 1): ("header", None), (1, 2): ("x", None), (40, 30): (12, None), (41, 1): ("late", None)})
    expected = as_openpyxl_reads_it(data)
    claims = rezipped(data, lambda body: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', body))
    assert b'ref="A1:B2"' in claims_sheet(claims)
    assert as_the_reader_reads_it(claims) == expected
    assert expected[1] == (40, [""] * 29 + ["12"])


def test_a_cell_in_the_column_past_the_limit_is_refused_and_farther_ones_are_not_read():
    limit = tabular.MAX_COLUMNS
    at_limit = workbook({(1, 1): ("header", None), (2, limit): ("last", None)})
    assert as_the_reader_reads_it(at_limit)[1] == (2, [""] * (limit - 1) + ["last"])
    past = workbook({(1, 1): ("header", None), (2, 1): ("a", None), (5, limit + 1): ("one too many", None)})
    with pytest.raises(tabular.TableError) as refused:
        as_the_reader_reads_it(past)
    assert refused.value.key == "tab_too_many_columns_sheet" and "第 5 行" in refused.value.message("zh")
    far = workbook({(1, 1): ("header", None), (2, 1): ("a", None), (3, 16_000): ("far", None)})
    assert as_the_reader_reads_it(far) == [(1, ["header"]), (2, ["a"])]


def test_a_formula_without_its_result_is_named_with_its_cell():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["header", "total"])
    sheet.append(["a", "=SUM(B5:B9)"])
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl writes formulas without results, as a tool that never ran Excel does
    table = tabular.read_table(buffer.getvalue(), "f.xlsx", lambda cells: "header" in cells)
    assert table.uncomputed == {(2, 1): "=SUM(B5:B9)"}


def rezipped(data: bytes, change) -> bytes:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            target.writestr(item.filename, change(body) if item.filename.startswith("xl/worksheets/") else body)
    return buffer.getvalue()


def claims_sheet(data: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("batch", [1, 3, 32_768])
def test_true_and_one_stay_apart_in_one_column(monkeypatch, batch):
    """Python holds True == 1 == 1.0, and the reader turns each column's distinct values into text: a column mixing
    booleans and numbers must still read TRUE where TRUE was typed, whatever rows share a batch."""
    monkeypatch.setattr(tabular._TableBuilder, "BATCH", batch)
    column = [1, True, 0, False, 1.5, "1", True, 1]
    cells = {(1, 1): ("header", None), (1, 2): ("值", None)}
    cells.update({(row, 2): (value, None) for row, value in enumerate(column, start=2)})
    cells.update({(row, 1): (f"r{row}", None) for row in range(2, len(column) + 2)})
    data = workbook(cells)
    read = as_the_reader_reads_it(data)
    assert [cells[1] for _, cells in read[1:]] == ["1", "TRUE", "0", "FALSE", "1.5", "1", "TRUE", "1"]
    assert read == as_openpyxl_reads_it(data)
