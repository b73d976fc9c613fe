"""Excel writers side by side: the same export rows written by openpyxl (write-only), XlsxWriter (constant memory),
PyExcelerate and rustpy-xlsxwriter (Rust rust_xlsxwriter, constant memory: what export.write_xlsx uses), each in its
own process (its own peak memory), then each file read back to check it.

    python -m bench.xlsx_writers --db data/enforcement.duckdb [--rows 1048575] [--out bench/xlsx_results.md]

The rows are the case dataset's export of the nation (the export page's statement, formatted as it is written),
cut at --rows. What a correct file must keep: codes as text cells, the 说明 sheet first, the header frozen.
Prints a Markdown table; writes it to --out. Figures only, no verdict on the machine: the reader compares.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import platform
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from enforcement.storage import connect
from enforcement.storage.runner import QueryRunner
from enforcement.transfer import export

BATCH = export.FETCH_ROWS
FACTS = [("数据", "案件统计 (基准测试)"), ("数据性质", "示例数据 (程序生成, 不是真实上报数据)")]


def _request() -> export.ExportRequest:
    return export.ExportRequest(
        dataset="cases",
        region_code="000000",
        month_from=dt.date(2023, 1, 1),
        month_to=dt.date(2025, 12, 1),
        as_of=dt.date(2025, 12, 31),
    )


def _rows(db: Path, limit: int):
    runner = QueryRunner(connect.connect_readonly(db))
    request = _request()
    yield export.headers(request)
    for batch in runner.batches(export.export_statement(runner, request, limit=limit), BATCH):
        yield from batch


def _openpyxl(db: Path, limit: int, out: Path) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    notes = book.create_sheet("说明")
    for fact in FACTS:
        notes.append(list(fact))
    sheet = book.create_sheet("案件统计")
    sheet.freeze_panes = "A2"
    written = 0
    for row in _rows(db, limit):
        sheet.append(row)
        written += 1
    book.save(out)
    return written - 1


def _xlsxwriter(db: Path, limit: int, out: Path) -> int:
    import xlsxwriter

    options = {
        "constant_memory": True,
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(str(out), options)
    notes = book.add_worksheet("说明")
    for index, fact in enumerate(FACTS):
        notes.write_row(index, 0, fact)
    sheet = book.add_worksheet("案件统计")
    sheet.freeze_panes(1, 0)
    written = 0
    for index, row in enumerate(_rows(db, limit)):
        sheet.write_row(index, 0, row)
        written += 1
    book.close()
    return written - 1


def _pyexcelerate(db: Path, limit: int, out: Path) -> int:
    from pyexcelerate import Workbook

    book = Workbook()
    book.new_sheet("说明", data=[list(fact) for fact in FACTS])
    rows = list(_rows(db, limit))  # PyExcelerate takes the whole sheet at once
    sheet = book.new_sheet("案件统计", data=rows)
    sheet.panes = __import__("pyexcelerate").Panes(0, 1)
    book.save(str(out))
    return len(rows) - 1


def _rustpy(db: Path, limit: int, out: Path) -> int:
    from rustpy_xlsxwriter import FastExcel

    rows = _rows(db, limit)
    header = next(rows)
    written = 0

    def records():
        nonlocal written
        for row in rows:
            written += 1
            yield dict(zip(header, row))

    FastExcel(str(out)).freeze(row=1).sheet("说明", [{"项目": a, "内容": b} for a, b in FACTS]).sheet(
        "案件统计", records()
    ).save()
    return written


WRITERS = {
    "openpyxl 3.1 (write_only)": _openpyxl,
    "XlsxWriter 3.3 (constant_memory)": _xlsxwriter,
    "PyExcelerate 0.13": _pyexcelerate,
    "rustpy-xlsxwriter 0.8 (Rust rust_xlsxwriter)": _rustpy,
}


def _run(name: str, db: str, limit: int, out: str) -> dict[str, Any]:
    started = time.perf_counter()
    cpu = time.process_time()
    rows = WRITERS[name](Path(db), limit, Path(out))
    return {
        "writer": name,
        "rows": rows,
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "size_mb": Path(out).stat().st_size / 2**20,
    }


def _check(path: Path) -> str:
    """What a reader finds: the sheets in order, the header frozen, the first region code a text cell."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    sheet = book[book.sheetnames[1]]
    first = next(sheet.iter_rows(min_row=2, max_row=2, max_col=1))[0]
    problems = []
    if book.sheetnames[0] != "说明":
        problems.append(f"sheets {book.sheetnames}")
    if first.data_type != "s":
        problems.append(f"code cell type {first.data_type}")
    book.close()
    frozen = load_workbook(path, read_only=False).worksheets[1].freeze_panes if path.stat().st_size < 2**20 else None
    if frozen not in (None, "A2"):
        problems.append(f"frozen at {frozen}")
    return "ok" if not problems else "; ".join(problems)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("data/enforcement.duckdb"))
    parser.add_argument("--rows", type=int, default=export.XLSX_MAX_ROWS)
    parser.add_argument("--out", type=Path, default=Path("bench/xlsx_results.md"))
    args = parser.parse_args(argv)
    context = multiprocessing.get_context("spawn")
    results = []
    with tempfile.TemporaryDirectory(prefix="xlsx-writers-") as folder:
        for index, name in enumerate(WRITERS):
            out = Path(folder) / f"{index}.xlsx"
            with context.Pool(1) as pool:
                result = pool.apply(_run, (name, str(args.db), args.rows, str(out)))
            result["check"] = _check(out)
            results.append(result)
            print(f"{name}: {result['rows']:,} rows in {result['seconds']:.1f} s", flush=True)
    lines = [
        "# Excel writers side by side",
        "",
        f"Written by `python -m bench.xlsx_writers` on {dt.datetime.now():%Y-%m-%dT%H:%M} ({platform.processor() or platform.machine()},"
        f" {multiprocessing.cpu_count()} cores), database `{args.db}`. The same rows (the case dataset's export of the"
        " nation, formatted as the export writes them, fetched from DuckDB in batches of"
        f" {BATCH:,}) written by each writer in its own process; the time includes the query.",
        "",
        "| writer | rows | seconds | rows/s | CPU s | peak RSS MB | file MB | file checked |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r['writer']} | {r['rows']:,} | {r['seconds']:.1f} | {r['rows'] / r['seconds']:,.0f} | {r['cpu']:.1f} |"
            f" {r['peak_rss_mb']:.0f} | {r['size_mb']:.0f} | {r['check']} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
