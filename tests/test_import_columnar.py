"""Large files are read column by column, in batches, and checked one distinct text at a time (issue 20): the
outcome (every problem, its row number, the rows loaded) must not depend on where the batches fall, and the memory a
file takes must grow with its distinct texts, not with a Python object per cell."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from enforcement.transfer import importer, tabular, validation
from tests.transfer_support import CASE_HEADER, case_row, csv_file

MONTHS = [f"2024-{month:02d}" for month in range(1, 13)] + [f"2025-{month:02d}" for month in range(1, 12)]


def messy_file() -> bytes:
    """A case file with the things batches could get wrong: blank rows and rows of white space between data rows,
    short rows, a row wider than the header late in the file, a quoted cell with a line break (still one row in
    Excel), duplicate keys far apart, bad cells, and a figure above its total."""
    rng = random.Random(20)
    rows: list[list[object]] = [CASE_HEADER]
    for domain in ("market", "environment", "transport"):
        for month in MONTHS:
            rows.append(case_row(month=month, domain=domain, count_penalty=rng.randint(0, 99)))
            if rng.random() < 0.15:
                rows.append([""] * len(CASE_HEADER) if rng.random() < 0.5 else ["  ", "", " "])
    rows[5] = case_row(month=MONTHS[3], domain="market", count_penalty="12x")  # not a number
    rows[9][1] = "玄武\n区"  # a line break inside a quoted cell
    rows[20] = case_row(month=MONTHS[0], domain="market")  # the key of row 2 again
    rows[31] = rows[31][:6]  # a short row: its required cells are missing
    rows[44] = [*rows[44], "", "surplus"]  # wider than the header
    rows[50] = case_row(month=MONTHS[7], domain="environment", lawsuits=1, lawsuits_lost=3)
    rows.append(case_row(month=MONTHS[1], domain="transport", count_penalty=-1))
    return csv_file(rows)


def outcome(runner, data: bytes) -> tuple[list[tuple], object, int]:
    checked = importer.check_file(data, "cases.csv", runner, "en")
    problems = [(p.row, p.column, p.value, p.reason) for p in checked.problems]
    return problems, checked.result.rows, checked.result.rows_in_file


@pytest.mark.parametrize("batch", [1, 2, 7, 64])
def test_the_outcome_does_not_depend_on_the_batch_size(runner, monkeypatch, batch):
    data = messy_file()
    expected = outcome(runner, data)
    monkeypatch.setattr(tabular._TableBuilder, "BATCH", batch)
    batches = []
    add_batch = tabular._TableBuilder.add_batch
    monkeypatch.setattr(
        tabular._TableBuilder,
        "add_batch",
        lambda self, first, rows, *values: (batches.append(len(rows)), add_batch(self, first, rows, *values)),
    )
    assert outcome(runner, data) == expected
    assert len(batches) > 1 and max(batches) == batch  # the file really was read in batches of that size
    problems, rows, in_file = expected
    reasons = {row: reason for row, _, _, reason in problems}
    assert len(problems) >= 6 and rows is None
    # The row numbers are those a person sees in Excel, blank rows and the quoted line break counted.
    table = tabular.read_table(data, "cases.csv")
    assert table.numbers[0] == 1 and len(set(table.numbers.tolist())) == len(table)
    assert in_file == len(table) - 1
    numbered = dict(table.rows)
    for row in reasons:
        assert row in numbered, f"row {row} is not a row of the file"
    assert any(value == "12x" for _, _, value, _ in problems)
    assert any(value == "surplus" for _, _, value, _ in problems)


def test_a_clean_file_loads_the_same_rows_whatever_the_batches(runner, monkeypatch):
    rows = [CASE_HEADER] + [
        case_row(month=month, domain=domain) for domain in ("market", "environment") for month in MONTHS
    ]
    rows.insert(7, [""] * 4)
    data = csv_file(rows)
    problems, frame, _ = outcome(runner, data)
    assert problems == []
    monkeypatch.setattr(tabular._TableBuilder, "BATCH", 3)
    again_problems, again, _ = outcome(runner, data)
    assert again_problems == [] and again.equals(frame)
    # Each row's number is its line in the file: the blank line 8 is skipped, so the next row is row 9.
    assert frame["row_no"].tolist()[:8] == [2, 3, 4, 5, 6, 7, 9, 10]
    assert frame["period_month"].iloc[0].isoformat() == "2024-01-01" and frame["count_penalty"].dtype == "int32"


def reading_peak(rows: int) -> tuple[int, int]:
    """(bytes traced at the peak of reading a case file of so many rows, distinct texts of its widest column)."""
    rng = random.Random(7)
    regions = [f"3201{n:02d}" for n in range(2, 40)]
    table_rows = [CASE_HEADER] + [
        [rng.choice(regions), "", rng.choice(MONTHS), "market", *(str(rng.randint(0, 50)) for _ in range(17))]
        for _ in range(rows)
    ]
    data = csv_file(table_rows)
    del table_rows
    tracemalloc.start()
    try:
        table = tabular.read_table(data, "big.csv", validation.is_data_header)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(table) == rows + 1
    return peak, max(len(column.texts) for column in table.columns)


def test_memory_grows_with_distinct_texts_not_with_cells():
    """A row of 21 cells kept as Python strings took about 1.5 KB; kept as codes it is 4 bytes a cell. What reading
    costs beyond that is fixed: one batch of rows as strings."""
    small, distinct = reading_peak(60_000)
    large, _ = reading_peak(180_000)
    per_row = (large - small) / 120_000
    assert distinct <= 60
    # codes (84 bytes), the row's number and length (12), and the file's text decoded once to check it (~140)
    assert per_row < 400, f"each row took {per_row:.0f} bytes"


def test_a_full_excel_sheet_is_within_the_row_limit():
    # A clerk's file can hold as many rows as one Excel sheet under its header; the limit refuses only more.
    assert tabular.MAX_ROWS == tabular.MAX_SHEET_ROWS - 1
    assert importer.MAX_BYTES >= 90 * tabular.MB  # a full sheet of case figures as CSV is about 85 MB


def test_a_page_keeps_the_outcome_not_the_rows(runner):
    """The Import page caches a check (pickled per upload): the outcome, without a million checked rows."""
    data = csv_file([CASE_HEADER] + [case_row(month=month) for month in MONTHS])
    checked = importer.check_file(data, "cases.csv", runner)
    kept = checked.without_rows()
    assert checked.ok and len(checked.result.rows) == len(MONTHS)
    assert kept.ok and kept.result.rows.empty and kept.changes == checked.changes
    assert list(kept.result.rows.columns) == list(checked.result.rows.columns)
    assert kept.result.rows_in_file == len(MONTHS) and kept.checksum == checked.checksum
