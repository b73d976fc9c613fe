"""A hostile and careless corpus, built by the tests themselves: each file is either refused with a message naming
its place (file, sheet, line, row, column, value) or accepted with exactly the values a person sees in it.

After every refusal the database's fingerprint (row count and hash of every table), the published version and the
folders beside it are unchanged. Limits are asserted as limits the code enforces (bytes inflated before refusing,
openpyxl never reached), never as timings.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import Workbook

from enforcement.storage import store
from enforcement.transfer import importer, tabular, templates
from enforcement.transfer.datasets import CASES, PROGRESS, TRAINING
from tests.transfer_support import (
    CASE_HEADER,
    PROGRESS_HEADER,
    TRAINING_HEADER,
    case_row,
    copy_database,
    csv_file,
    fingerprint,
    progress_row,
    read_only,
    snapshot,
    training_row,
    xlsx_file,
)

MB = 1024 * 1024


@pytest.fixture(scope="module")
def db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_database(sample_db, tmp_path_factory.mktemp("hostile") / "enforcement.duckdb")


@dataclass
class Refused:
    """Where the message must point: row (None for the file), column, and texts the value and reason contain."""

    row: int | None
    column: str = ""
    reason: str = ""
    value: str = ""


@dataclass
class Accepted:
    """What the database must hold afterwards: (table, key columns and values, column, stored value)."""

    table: str
    key: dict[str, object]
    values: dict[str, object] = field(default_factory=dict)


def refuse(db: Path, data: bytes, name: str, expected: Refused) -> list:
    before, prints = snapshot(db), fingerprint(db)
    with pytest.raises(importer.ImportRejected) as rejected:
        importer.import_file(db, data, name, imported_by="hostile test")
    assert fingerprint(db) == prints
    assert snapshot(db) == before
    problems = rejected.value.checked.problems
    named = [
        p
        for p in problems
        if p.row == expected.row
        and (not expected.column or p.column == expected.column)
        and expected.reason in p.reason
        and expected.value in p.value
    ]
    assert named, f"no problem like {expected} in {problems}"
    return problems


def accept(db: Path, data: bytes, name: str, expected: list[Accepted]) -> importer.ImportResult:
    checked, result = importer.import_file(db, data, name, imported_by="hostile test")
    assert checked.ok, checked.problems
    con = read_only(db)
    try:
        for want in expected:
            where = " and ".join(f"{column} = ?" for column in want.key)
            columns = ", ".join(want.values)
            row = con.execute(f"select {columns} from {want.table} where {where}", list(want.key.values())).fetchall()
            assert len(row) == 1, (want, row)
            assert dict(zip(want.values, row[0], strict=True)) == want.values
    finally:
        con.close()
    return result


def case_key(region="320102", month="2025-11", domain="market") -> dict[str, object]:
    return {"region_code": region, "period_month": dt.date.fromisoformat(month + "-01"), "domain_code": domain}


def workbook(sheets: list[tuple[str, list[list[object]], str]], formats: dict | None = None) -> bytes:
    """An .xlsx of (title, rows, state) sheets; formats: {(sheet index, cell): number format}."""
    book = Workbook()
    book.remove(book.active)
    for title, rows, state in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = state
    for (index, cell), number_format in (formats or {}).items():
        book.worksheets[index][cell].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, change) -> bytes:
    """The same zip with each part passed through change(name, bytes) -> bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item.filename)))
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------- 1. bombs, limits


def _bomb(inflated: int) -> bytes:
    """A workbook whose sheet part inflates to `inflated` bytes of XML whitespace (deflate packs it ~1000 times)."""
    good = xlsx_file([CASE_HEADER, case_row()])
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                with target.open(item.filename, "w") as part:
                    body = source.read(item.filename)
                    head, tail = body.split(b"<sheetData>", 1)
                    part.write(head + b"<sheetData>")
                    chunk = b" " * MB
                    for _ in range(inflated // MB):
                        part.write(chunk)
                    part.write(tail)
            else:
                target.writestr(item, source.read(item.filename))
    return buffer.getvalue()


class _Counting:
    """Counts the bytes every zip part returns while inflating (and refuses the workbook reader, which must not be
    reached)."""

    def __init__(self, monkeypatch):
        self.inflated = 0
        original = zipfile.ZipExtFile.read

        def read(stream, n=-1):
            data = original(stream, n)
            self.inflated += len(data)
            return data

        monkeypatch.setattr(zipfile.ZipExtFile, "read", read)

        def no_reader(*args, **kwargs):
            raise AssertionError("the reader parsed a workbook that should have been refused before")

        monkeypatch.setattr("python_calamine_plus.CalamineWorkbook.from_filelike", no_reader)


def test_a_decompression_bomb_is_refused_by_its_ratio_before_anything_is_inflated(db, monkeypatch):
    bomb = _bomb(100 * MB)
    assert len(bomb) < MB  # small to upload, 100 MB inside
    counter = _Counting(monkeypatch)
    refuse(db, bomb, "炸弹.xlsx", Refused(None, reason="压缩炸弹"))
    assert counter.inflated == 0


def test_a_bomb_over_the_total_is_refused_by_its_declared_size(db, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_RATIO", 10_000)  # past the ratio check: the declared total must stop it
    bomb = _bomb(tabular.MAX_INFLATED + 16 * MB)
    counter = _Counting(monkeypatch)
    refuse(db, bomb, "big.xlsx", Refused(None, reason=f"超过 {tabular.MAX_INFLATED // MB} MB"))
    assert counter.inflated == 0


def test_a_part_read_whole_is_refused_over_its_own_limit_before_anything_is_inflated(db, monkeypatch):
    """Sheets are streamed row by row, but the shared text table is held whole: a large one is refused by its
    declared size, though the file is well under the total."""
    monkeypatch.setattr(tabular, "MAX_RATIO", 10_000)
    good = xlsx_file([CASE_HEADER, case_row()])
    padded = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        with target.open("xl/sharedStrings.xml", "w") as part:  # the file has none of its own
            for _ in range(tabular.MAX_INFLATED_WHOLE // MB + 1):
                part.write(b" " * MB)
    counter = _Counting(monkeypatch)
    refuse(db, padded.getvalue(), "shared.xlsx", Refused(None, reason=f"超过 {tabular.MAX_INFLATED_WHOLE // MB} MB"))
    assert counter.inflated == 0


def test_a_part_that_lies_about_its_size_is_never_inflated_past_the_lie(db, monkeypatch):
    good = xlsx_file([CASE_HEADER, case_row()])
    big = b"<!--" + b" " * (50 * MB) + b"-->"
    lying = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        target.writestr("xl/media/junk.xml", big)
    data = bytearray(lying.getvalue())
    # Rewrite the junk part's uncompressed size (central directory and local header) to claim 1,000 bytes.
    size = len(big).to_bytes(4, "little")
    assert data.count(size) == 2
    data = bytes(data).replace(size, (1000).to_bytes(4, "little"))
    counter = _Counting(monkeypatch)
    refuse(db, data, "lying.xlsx", Refused(None, reason="文件损坏"))
    assert counter.inflated < 1 * MB


def test_too_many_parts(db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        target.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(tabular.MAX_ZIP_ENTRIES + 1):
            target.writestr(f"xl/x{i}.xml", "")
    refuse(db, buffer.getvalue(), "parts.xlsx", Refused(None, reason=f"上限 {tabular.MAX_ZIP_ENTRIES} 个"))


def test_too_large_a_file(db, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_BYTES", 1000)
    refuse(
        db,
        csv_file([CASE_HEADER] + [case_row(month=f"2025-{m:02d}") for m in range(1, 13)]),
        "x.csv",
        Refused(None, reason="上限为 0 MB"),
    )


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_too_many_rows(db, monkeypatch, kind):
    monkeypatch.setattr(tabular, "MAX_ROWS", 5)
    rows = [CASE_HEADER] + [case_row(month=f"2025-{m:02d}") for m in range(1, 8)]
    data = csv_file(rows) if kind == "csv" else xlsx_file(rows, title="数据")
    refuse(db, data, f"rows.{kind}", Refused(None, reason="超过 5 行数据"))


def test_too_many_columns(db):
    wide = case_row() + ["x"] * (tabular.MAX_COLUMNS + 1 - len(CASE_HEADER))
    refuse(
        db,
        csv_file([CASE_HEADER, case_row(month="2025-10"), wide]),
        "wide.csv",
        Refused(None, reason=f"第 3 行超过 {tabular.MAX_COLUMNS} 列"),
    )


def test_the_time_budget_is_a_limit_the_code_enforces(db, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_SECONDS", -1)  # already over: the first check must stop it
    rows = [CASE_HEADER] + [case_row(month=f"2025-{1 + i % 12:02d}", domain=f"d{i}") for i in range(5001)]
    refuse(db, csv_file(rows), "slow.csv", Refused(None, reason="秒"))


def test_a_sheet_claiming_a_million_rows_reads_only_its_rows(db):
    data = rezip(
        xlsx_file([CASE_HEADER, case_row(month="2025-09", count_penalty=77)]),
        lambda name, body: (
            re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', body)
            if name.startswith("xl/worksheets/")
            else body
        ),
    )
    accept(db, data, "dimension.xlsx", [Accepted("case_stats", case_key(month="2025-09"), {"count_penalty": 77})])


# ----------------------------------------------------------------------------------------------- 3. Excel meaning


def test_percent_cells_are_read_as_shown(db):
    rows = [
        PROGRESS_HEADER,
        progress_row(report_date="2025-10-31", percent=1.0, completed_on="2025-10-15"),
        progress_row(report_date="2025-09-30", status="推进中", percent=0.5, completed_on=None),
    ]
    data = workbook([("数据", rows, "visible")], {(0, "F2"): "0%", (0, "F3"): "0.0%"})
    key = {"milestone_id": "JS-M004", "region_code": "320102"}
    accept(
        db,
        data,
        "percent.xlsx",
        [
            Accepted("task_progress", {**key, "report_date": dt.date(2025, 10, 31)}, {"percent_complete": 100}),
            Accepted("task_progress", {**key, "report_date": dt.date(2025, 9, 30)}, {"percent_complete": 50}),
        ],
    )


def test_a_percent_in_a_count_column_is_refused_as_shown(db):
    data = workbook([("数据", [CASE_HEADER, case_row(count_penalty=0.5)], "visible")], {(0, "E2"): "0%"})
    refuse(db, data, "pct.xlsx", Refused(2, "行政处罚(件)", "百分比 50%", "50%"))


def test_a_hidden_first_sheet_and_a_visible_one_are_refused_naming_both(db):
    data = workbook(
        [
            ("旧数据", [CASE_HEADER, case_row(count_penalty=1)], "hidden"),
            ("数据", [CASE_HEADER, case_row(count_penalty=2)], "visible"),
        ]
    )
    problems = refuse(db, data, "two.xlsx", Refused(None, reason="2 个工作表"))
    assert "“旧数据”(隐藏)" in problems[0].reason and "“数据”" in problems[0].reason


def test_two_visible_data_sheets_are_refused_naming_both(db):
    data = workbook(
        [("一月", [CASE_HEADER, case_row(month="2025-01")], "visible"), ("二月", [CASE_HEADER, case_row()], "visible")]
    )
    problems = refuse(db, data, "months.xlsx", Refused(None, reason="“一月”、“二月”"))
    assert len(problems) == 1


def test_data_only_on_a_hidden_sheet_is_refused(db):
    data = workbook([("说明", [["请看第二页"]], "visible"), ("数据", [CASE_HEADER, case_row()], "hidden")])
    refuse(db, data, "hidden.xlsx", Refused(None, reason="“数据”是隐藏的工作表"))


def test_the_filled_template_is_read_from_its_data_sheet(db, runner):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(templates.xlsx_template(CASES, runner)))
    sheet = book.worksheets[0]
    assert sheet["C1"].value == "月份" and sheet["F1"].value == "行政处罚(件)"
    sheet["C2"], sheet["F2"] = "2025-08", 61  # the example row, changed: a clerk's own row
    buffer = io.BytesIO()
    book.save(buffer)
    checked, _ = importer.import_file(db, buffer.getvalue(), "模板.xlsx", imported_by="hostile test")
    assert checked.sheet == book.worksheets[0].title and any(checked.sheet in note for note in checked.notes)
    con = read_only(db)
    try:
        stored = con.execute(
            "select count_penalty from case_stats where region_code = '320102' and period_month = '2025-08-01' "
            "and domain_code = 'market'"
        ).fetchall()
    finally:
        con.close()
    assert stored == [(61,)]


@pytest.mark.parametrize("spec", [TRAINING, PROGRESS])
def test_every_template_has_one_data_sheet(runner, spec):
    from enforcement.transfer import validation

    table = tabular.read_table(templates.xlsx_template(spec, runner), "t.xlsx", validation.is_data_header)
    assert table.sheet is not None


def test_rows_after_a_long_run_of_blank_rows_are_read(db):
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(CASE_HEADER)
    sheet.append(case_row(month="2025-07", count_penalty=71))
    for column, value in enumerate(case_row(month="2025-06", count_penalty=66), start=1):
        sheet.cell(row=20_003, column=column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    result = accept(
        db,
        buffer.getvalue(),
        "gap.xlsx",
        [
            Accepted("case_stats", case_key(month="2025-07"), {"count_penalty": 71}),
            Accepted("case_stats", case_key(month="2025-06"), {"count_penalty": 66}),
        ],
    )
    assert result.rows_in_file == 2


def test_a_formula_without_a_result_gets_its_own_message(db):
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(CASE_HEADER)
    sheet.append(case_row())
    sheet["E2"] = "=10+31"  # openpyxl saves formulas without a cached result, as a program would
    buffer = io.BytesIO()
    book.save(buffer)
    refuse(db, buffer.getvalue(), "formula.xlsx", Refused(2, "行政处罚(件)", "没有保存计算结果", "=10+31"))


def test_a_formula_with_its_result_is_read_as_the_result(db):
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(CASE_HEADER)
    sheet.append(case_row(month="2025-05"))
    sheet["E2"] = "=40+3"
    buffer = io.BytesIO()
    book.save(buffer)
    data = rezip(
        buffer.getvalue(),
        lambda name, body: (
            body.replace(b"<f>40+3</f><v></v>", b"<f>40+3</f><v>43</v>").replace(
                b"<f>40+3</f>", b"<f>40+3</f><v>43</v>"
            )
            if name.startswith("xl/worksheets/") and b"<v>43</v>" not in body
            else body
        ),
    )
    accept(db, data, "cached.xlsx", [Accepted("case_stats", case_key(month="2025-05"), {"count_penalty": 43})])


def test_formula_text_in_a_note_is_stored_as_text(db):
    rows = [
        PROGRESS_HEADER,
        progress_row(report_date="2025-08-31", completed_on="2025-08-15", note='=HYPERLINK("http://x")'),
    ]
    key = {"milestone_id": "JS-M004", "region_code": "320102", "report_date": dt.date(2025, 8, 31)}
    accept(
        db, csv_file(rows), "note.csv", [Accepted("task_progress", key, {"evidence_note": '=HYPERLINK("http://x")'})]
    )


# ----------------------------------------------------------------------------------------------- 4. numbers


@pytest.mark.parametrize("written", ["1,5", "300,5", "1,2,3", "12,34", "1,2345"])
def test_commas_that_are_not_thousands_separators_are_refused(db, written):
    refuse(
        db,
        csv_file([CASE_HEADER, case_row(count_inspection=written)]),
        "comma.csv",
        Refused(2, "行政检查(次)", "千位分隔符", written),
    )


@pytest.mark.parametrize(
    ("written", "stored"), [("1,234", 1234), ("１，２３４", 1234), ("１２", 12), ("2,345,678", 2345678)]
)
def test_well_formed_thousands_and_full_width_digits_are_accepted(db, written, stored):
    accept(
        db,
        csv_file([CASE_HEADER, case_row(month="2025-04", count_inspection=written)]),
        "n.csv",
        [Accepted("case_stats", case_key(month="2025-04"), {"count_inspection": stored})],
    )


def test_decimal_hours_with_a_comma_are_refused(db):
    refuse(
        db,
        csv_file([TRAINING_HEADER, training_row(public_law_hours="310,5")]),
        "h.csv",
        Refused(2, "公共法律知识培训(学时)", "千位分隔符", "310,5"),
    )


# ----------------------------------------------------------------------------------------------- 5. encodings


def test_big5_is_refused_clearly_with_its_first_line_readable(db):
    text = "region_code,region_name,period_month,domain_code,count_penalty\r\n320102,玄武區,2025-11,market,41\r\n"
    problems = refuse(db, text.encode("big5"), "big5.csv", Refused(None, reason="Big5"))
    assert "玄武區" in problems[0].reason  # the line read as Big5, not garbled


def test_gbk_rows_after_utf8_rows_are_refused_naming_the_line(db):
    head = csv_file([CASE_HEADER, case_row(month="2025-01")], encoding="utf-8")
    tail = csv_file([case_row(month="2025-02")], encoding="gbk")
    refuse(db, head + tail, "mixed.csv", Refused(None, reason="第 3 行不是 UTF-8"))


def test_utf8_rows_after_gbk_rows_are_refused_naming_the_line(db):
    head = csv_file([CASE_HEADER, case_row(month="2025-01")], encoding="gbk")
    tail = csv_file([case_row(month="2025-02")], encoding="utf-8")
    refuse(db, head + tail, "mixed.csv", Refused(None, reason="第 3 行是 UTF-8"))


def test_a_nul_byte_far_into_the_file_is_named_in_its_cell(db):
    data = csv_file([PROGRESS_HEADER, progress_row(report_date="2025-07-31", note="说明" * 40_000)], encoding="utf-8")
    poisoned = data[: 70 * 1024] + data[70 * 1024 :].replace("说明".encode(), "说\x00明".encode(), 1)
    assert poisoned.index(b"\x00") > 64 * 1024
    refuse(db, poisoned, "nul.csv", Refused(2, "佐证说明", "NUL", "⟨U+0000⟩"))


@pytest.mark.parametrize(("char", "name"), [("\ufeff", "BOM"), ("\u200b", "零宽空格"), ("\u202e", "U+202E")])
def test_invisible_characters_in_a_code_are_named(db, char, name):
    refuse(
        db,
        csv_file([CASE_HEADER, case_row(region="3201" + char + "02")]),
        "zw.csv",
        Refused(2, "地区代码", name, f"⟨U+{ord(char):04X}⟩"),
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(db, codec):
    text = "\r\n".join(
        "\t".join(str(c) for c in row) for row in [CASE_HEADER, case_row(month="2025-03", count_penalty=33)]
    )
    accept(
        db,
        text.encode(codec),
        "unicode.txt",
        [Accepted("case_stats", case_key(month="2025-03"), {"count_penalty": 33})],
    )


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_supported_encodings_store_exactly_what_the_file_says(db, encoding):
    note = f"全员轮训已完成 ({encoding}) 𠀀" if encoding not in ("gbk",) else f"全员轮训已完成 ({encoding})"
    date = {"gbk": "2025-03-31", "gb18030": "2025-04-30", "utf-8": "2025-05-31", "utf-8-sig": "2025-06-30"}.get(
        encoding, "2025-02-28"
    )
    rows = [PROGRESS_HEADER, progress_row(report_date=date, completed_on="2025-02-15", note=note)]
    key = {"milestone_id": "JS-M004", "region_code": "320102", "report_date": dt.date.fromisoformat(date)}
    accept(
        db,
        csv_file(rows, encoding=encoding),
        f"{encoding}.csv",
        [Accepted("task_progress", key, {"evidence_note": note})],
    )


def test_undecodable_bytes_are_refused_naming_the_line(db):
    data = csv_file([CASE_HEADER], encoding="utf-8") + b"320102,\xff\xfe\xfd,2025-11\r\n"
    refuse(db, data, "junk.csv", Refused(None, reason="第 2 行"))


# ----------------------------------------------------------------------------------------------- 7. file names


def test_a_long_chinese_file_name_is_kept_within_255_bytes(db):
    name = "江苏省南京市玄武区司法局关于二〇二五年十一月行政执法案件统计数据的报送表格更正版本最终版确认无误请审核" * 2
    name += ".csv"
    assert len(name.encode()) > 255  # over the limit of a file name by itself
    result = accept(
        db,
        csv_file([CASE_HEADER, case_row(month="2025-02", count_penalty=22)]),
        name,
        [Accepted("case_stats", case_key(month="2025-02"), {"count_penalty": 22})],
    )
    assert len(result.stored_path.name.encode()) <= 255 and result.stored_path.is_file()
    assert result.stored_path.parent == store.uploads_dir(db)


def test_a_file_name_with_folders_and_control_characters_is_cleaned(db):
    name = "../../etc/\x00\x1b[31m报表" + "很长" * 200 + ".csv"
    checked, result = importer.import_file(
        db, csv_file([CASE_HEADER, case_row(month="2025-01", count_penalty=11)]), name, imported_by="hostile test"
    )
    assert "/" not in checked.file_name and "\x00" not in checked.file_name and "\x1b" not in checked.file_name
    assert len(checked.file_name.encode()) <= 255 and len(result.stored_path.name.encode()) <= 255


# ----------------------------------------------------------------------------------------------- already passing


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "empty.csv", Refused(None, reason="文件是空的")),
        (b"%PDF-1.4 ...", "r.csv", Refused(None, reason="PDF")),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "p.csv", Refused(None, reason="PNG")),
        (csv_file([CASE_HEADER]), "h.csv", Refused(None, reason="只有表头")),
        (csv_file([["名字", "年龄"], ["张三", "3"]]), "x.csv", Refused(1, reason="表头无法识别")),
        (csv_file([CASE_HEADER, case_row(count_penalty=-1)]), "n.csv", Refused(2, "行政处罚(件)", "不能为负数", "-1")),
        (csv_file([CASE_HEADER, case_row(count_penalty="abc")]), "n.csv", Refused(2, "行政处罚(件)", "不是数字")),
        (csv_file([CASE_HEADER, case_row(), case_row()]), "d.csv", Refused(3, reason="与第 2 行重复")),
        (csv_file([CASE_HEADER, case_row(region="999999")]), "r.csv", Refused(2, "地区代码", "不存在", "999999")),
        (csv_file([CASE_HEADER, case_row(month="2026-01")]), "m.csv", Refused(2, "月份", "不在行动期内")),
    ],
    ids=["empty", "pdf", "png", "header only", "not ours", "negative", "text", "duplicate key", "region", "month"],
)
def test_classes_that_already_pass(db, data, name, expected):
    refuse(db, data, name, expected)
