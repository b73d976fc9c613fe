"""Benchmark of large imports: ``python -m bench.imports [--db PATH] [--rows N] [--xlsx]``.

Measures what a clerk waits for with a full sheet of figures: checking a CSV of N case rows (``import --dry-run``),
importing it into a copy of the database (check, compare with the stored rows, keep the replaced ones, load, refresh
the rollups, publish a new version), and with ``--xlsx`` checking a workbook of about a million rows. Each step runs
in a process of its own (``python -m enforcement import``), so its peak memory is its own; wall seconds and peak RSS
are printed and written to bench/import_results.md. The files come from the database itself (the case export), so
every row is valid and replaces a stored row. A benchmark, not a test: it asserts nothing about time.

Targets (issue 20): 1 M rows checked and imported ≤ 20 s, peak ≤ 1 GB; a 1,048,575-row .xlsx checked ≤ 30 s, ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.national import cpu_probe, probe_text
from enforcement.storage import store

DEFAULT_DB = store.PROJECT_DIR / "data" / "national.duckdb"
RESULTS_FILE = store.PROJECT_DIR / "bench" / "import_results.md"
TARGET_IMPORT_S, TARGET_XLSX_S, TARGET_MB = 20.0, 30.0, 1024


def _run(*args: str) -> dict[str, float]:
    """One command in a child process of its own: wall seconds, peak RSS (MB) and its exit status."""
    code = (
        "import resource, runpy, sys, time; sys.argv = ['enforcement', *sys.argv[1:]]; started = time.perf_counter()\n"
        "try:\n    runpy.run_module('enforcement', run_name='__main__')\n"
        "except SystemExit as done:\n    status = done.code or 0\nelse:\n    status = 0\n"
        "print(f'@@ {time.perf_counter() - started:.3f} "
        "{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {status}', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=store.PROJECT_DIR, check=False
    )
    line = next(line for line in done.stderr.splitlines() if line.startswith("@@ "))
    wall, peak, status = line.split()[1:]
    error = " ".join(line.strip() for line in done.stderr.splitlines() if not line.startswith("@@ "))
    return {
        "wall": float(wall),
        "peak_mb": float(peak),
        "status": int(status),
        "output": done.stdout.strip(),
        "error": error[:500],
    }


def _case_csv(db: Path, region: str, rows: int, folder: Path) -> Path:
    """The first rows of the database's case export of a region (header included), as a clerk's file."""
    whole = folder / "cases_all.csv"
    _run("export", "cases", "--db", str(db), "--region", region, "--out", str(whole))
    out = folder / f"cases_{rows}.csv"
    with whole.open(encoding="utf-8-sig") as source, out.open("w", encoding="utf-8-sig") as target:
        next(source)  # the export's description line
        next(source)  # and the blank line after it
        for number, line in enumerate(source):
            if number > rows:
                break
            target.write(line)
    whole.unlink()
    return out


def _case_xlsx(db: Path, region: str, last_month: str, folder: Path) -> Path:
    out = folder / "cases.xlsx"
    _run("export", "cases", "--db", str(db), "--region", region, "--to", last_month, "--out", str(out))
    return out


def _copy_of(db: Path, folder: Path) -> Path:
    copy = folder / "copy.duckdb"
    shutil.copyfile(store.current_file(db), copy)
    return copy


def _verdict(wall: float, target_s: float, peak: float, status: int = 0) -> str:
    if status != 0:
        return "**refused** (see below)"
    missed = [what for what, over in (("time", wall > target_s), ("memory", peak > TARGET_MB)) if over]
    return "met" if not missed else "**missed** (" + ", ".join(missed) + ")"


def _step(label: str, run: dict, target_s: float) -> dict:
    verdict = _verdict(run["wall"], target_s, run["peak_mb"], run["status"])
    return {
        "step": label,
        "wall": round(run["wall"], 1),
        "peak_mb": round(run["peak_mb"]),
        "status": run["status"],
        "target_s": target_s,
        "target_mb": TARGET_MB,
        "met": verdict == "met",
        "verdict": verdict,
    }


def measure(
    db: Path,
    rows: int = 1_048_575,
    region: str = "440000",
    xlsx: bool = True,
    xlsx_region: str = "440000",
    xlsx_to: str = "2025-03",
) -> dict:
    """Check and import a CSV of `rows` case rows, and check a workbook of about a million; each step's wall
    seconds, peak MB and verdict, with notes on the workbook."""
    steps: list[dict] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as tmp:
        folder = Path(tmp)
        csv_file = _case_csv(db, region, rows, folder)
        size_mb = csv_file.stat().st_size / 2**20
        checked = _run("import", str(csv_file), "--dry-run", "--db", str(db))
        copy = _copy_of(db, folder)
        imported = _run("import", str(csv_file), "--db", str(copy))
        steps.append(
            _step(
                f"check a CSV of {rows:,} case rows of {region} ({size_mb:.0f} MB), `import --dry-run`",
                checked,
                TARGET_IMPORT_S,
            )
        )
        steps.append(
            _step("import it (check, compare, keep replaced rows, load, rollups, publish)", imported, TARGET_IMPORT_S)
        )
        print(checked["output"], imported["output"], sep="\n")
        notes.append(
            "- The CSV: a file whose every record has the header's width, with no value spanning lines, is parsed by "
            "Arrow's CSV reader (pyarrow) into dictionary-encoded columns; any other file by Python's csv module, row "
            "by row (about 3x slower), so that row numbers stay as Excel shows them. The stored rows an import "
            "replaces are kept typed, one struct per row in the dataset's archive table, and turned into JSON only "
            "for the page a person reads (as JSON text they took 7.4 s of a 1 M-row import)."
        )
        if xlsx:
            workbook = _case_xlsx(db, xlsx_region, xlsx_to, folder)
            checked_xlsx = _run("import", str(workbook), "--dry-run", "--db", str(db))
            print(checked_xlsx["output"])
            size = workbook.stat().st_size / 2**20
            steps.append(
                _step(
                    f"check a .xlsx of the cases of {xlsx_region} to {xlsx_to} ({size:.0f} MB), `--dry-run`",
                    checked_xlsx,
                    TARGET_XLSX_S,
                )
            )
            if checked_xlsx["status"] != 0:
                notes.append(f"- The workbook was refused: {checked_xlsx['error']}")
            else:
                read = int(re.search(r"([\d,]+) 行", checked_xlsx["output"])[1].replace(",", ""))
                notes.append(
                    f"- The workbook: {read:,} rows, {read / checked_xlsx['wall']:,.0f} rows a second, read by calamine's "
                    "streaming reader (python-calamine-plus) row by row out of the zip, each column's distinct values "
                    "turned into text once per batch; most of the time left is the reader building a Python list of "
                    "101 values per row (it pads rows to the column limit). openpyxl's reader, used before, "
                    "built a Python object for every cell (3,679 rows a second, 82.7 s for 304,160 rows); upstream "
                    "python-calamine builds the whole sheet as a dense grid (1.66 GB for this sheet) and reports no "
                    "number formats. A workbook with a percent format in its styles, or with formulas, is read cell by "
                    "cell with the formats (about 40 s for a full sheet, measured once by hand)."
                )
    return {"steps": steps, "notes": notes}


def table_lines(result: dict) -> list[str]:
    return [
        "| step | wall s | peak MB | target |",
        "| --- | ---: | ---: | --- |",
        *(f"| {s['step']} | {s['wall']:.1f} | {s['peak_mb']} | {s['verdict']} |" for s in result["steps"]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--rows", type=int, default=1_048_575, help="data rows of the CSV (default: a full sheet)")
    parser.add_argument("--region", default="440000", help="the region the CSV's rows come from (default 广东)")
    parser.add_argument("--xlsx", action="store_true", help="also check a workbook of about a million rows")
    parser.add_argument("--xlsx-region", default="440000", help="the workbook's region (default 广东)")
    parser.add_argument("--xlsx-to", default="2025-03", help="its last month (default 2025-03: 1,026,540 rows)")
    parser.add_argument("--out", default=str(RESULTS_FILE))
    args = parser.parse_args(argv)
    db = Path(args.db)
    probe_start, load_start = cpu_probe(), os.getloadavg()
    result = measure(db, args.rows, args.region, args.xlsx, args.xlsx_region, args.xlsx_to)
    probe_end, load_end = cpu_probe(), os.getloadavg()
    text = "\n".join(
        [
            "# Import benchmark",
            "",
            f"Run {dt.datetime.now():%Y-%m-%dT%H:%M} by `python -m bench.imports` on `{db.name}`; {os.cpu_count()} cores. "
            f"Load average at start {' / '.join(f'{x:.2f}' for x in load_start)}, at end "
            f"{' / '.join(f'{x:.2f}' for x in load_end)}; CPU probe at start {probe_text(probe_start)}, at end "
            f"{probe_text(probe_end)}. Each step in a process of its own (`python -m enforcement import`): wall "
            "seconds from the start of the command, peak RSS of the process. Targets: 1 M rows checked and imported "
            f"≤ {TARGET_IMPORT_S:.0f} s, a full .xlsx sheet checked ≤ {TARGET_XLSX_S:.0f} s, each ≤ {TARGET_MB} MB.",
            "",
            *table_lines(result),
            "",
            *result["notes"],
            "",
        ]
    )
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
