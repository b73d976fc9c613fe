"""Benchmark of the evaluation report at national scale: ``python -m bench.report [--db PATH] [--repeat N]``.

Measures (1) one city's and one county's report in a warm process, as the app's download button pays it, split into
gathering the figures, composing and drawing the charts, writing the .docx and writing the PDF; (2) the same report
from a cold ``python -m enforcement report`` process; (3) a province's cities in one batch (``--children``, two worker
processes), for 江苏 (13 cities) and 广东 (21). Wall and CPU seconds, with the machine's load and the CPU probe of
bench/national.py at start and end, so that a run on a busy machine shows as one. It writes bench/report_results.md
and asserts nothing about time: a benchmark, not a test.

Targets (issue 19): one county or city report ≤ 5 s; a province's cities in one batch ≤ 60 s, on this 2-core machine.
The national database: ``python -m enforcement build --scale national --db data/national.duckdb`` (about a minute).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.national import cpu_probe, probe_text
from enforcement.reports import compose, figures, pdf, service, word
from enforcement.storage import connect, store
from enforcement.storage.runner import QueryRunner

DEFAULT_DB = store.PROJECT_DIR / "data" / "national.duckdb"
RESULTS_FILE = store.PROJECT_DIR / "bench" / "report_results.md"
AS_OF = dt.date(2025, 10, 31)
SINGLE = {"320100": "南京市 (city)", "320102": "玄武区 (county)"}
BATCHES = {"320000": "江苏省", "440000": "广东省"}
TARGET_SINGLE_S = 5.0
TARGET_BATCH_S = 60.0


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def _timed(step, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = step(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def single_warm(runner: QueryRunner, region: str, repeat: int) -> list[dict[str, float]]:
    """One report in a process that has written one before: each step's wall seconds, and the whole's CPU."""
    runs = []
    for _ in range(repeat):
        gathered, gather_s, gather_cpu = _timed(figures.gather, runner.run, region, AS_OF)
        document, compose_s, compose_cpu = _timed(compose.compose, gathered)
        _, docx_s, docx_cpu = _timed(word.render, document)
        _, pdf_s, pdf_cpu = _timed(pdf.render, document)
        runs.append(
            {
                "gather": gather_s,
                "compose and charts": compose_s,
                "docx": docx_s,
                "pdf": pdf_s,
                "pdf only": gather_s + compose_s + pdf_s,
                "docx only": gather_s + compose_s + docx_s,
                "both": gather_s + compose_s + docx_s + pdf_s,
                "both, CPU": gather_cpu + compose_cpu + docx_cpu + pdf_cpu,
            }
        )
    return runs


def single_cold(db: Path, region: str, repeat: int) -> list[float]:
    """python -m enforcement report … --format pdf, a fresh process each time (imports and font set-up included)."""
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "enforcement", "report", "--region", region, "--as-of", AS_OF.isoformat(),
                 "--format", "pdf", "--out", str(Path(folder) / "r.pdf"), "--db", str(db)],
                check=True, capture_output=True, cwd=store.PROJECT_DIR,
            )  # fmt: skip
            seconds.append(time.perf_counter() - started)
    return seconds


def batch(runner: QueryRunner, db_file: Path, region: str, formats: tuple[str, ...]) -> dict[str, float]:
    """Every child's report in one .zip with two worker processes, as the page and --children write them."""
    request = service.ReportRequest(region, AS_OF, formats=formats, children=True)
    children = len(runner.run("region_children", parent_code=region))
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    files = service.write(runner.run, request, database=db_file, workers=2)
    return {
        "children": children,
        "seconds": time.perf_counter() - started,
        "parent CPU": time.process_time() - cpu,
        "MB": len(files[0].data) / 2**20,
        "load at start": load,
    }


def _stats(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def _verdict(value: float, target: float) -> str:
    return "met" if value <= target else "**missed**"


def write_results(path: Path, report: dict) -> None:
    lines = [
        "# Evaluation report benchmark (national scale)",
        "",
        f"Run {report['started']} by `python -m bench.report` on {report['db']}; as-of date {AS_OF}. "
        f"{os.cpu_count()} cores. Load average at start {report['load start']}, at end {report['load end']}; "
        f"CPU probe at start {report['probe start']}, at end {report['probe end']} (bench/national.py: about 0.17 s "
        "and 0.4 s when the machine is quiet). Seconds, min / median / max.",
        "",
        "## One region's report in a warm process (what the app's download button pays)",
        "",
        "| region | gather figures | compose + 7 charts | .docx | PDF | PDF report | Word report | both | both, CPU | "
        f"target ≤ {TARGET_SINGLE_S:g} s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for region, runs in report["warm"].items():
        cells = [_stats([r[k] for r in runs]) for k in runs[0]]
        worst = max(statistics.median([r["pdf only"] for r in runs]), statistics.median([r["docx only"] for r in runs]))
        lines.append(f"| {SINGLE[region]} | " + " | ".join(cells) + f" | {_verdict(worst, TARGET_SINGLE_S)} |")
    lines += [
        "",
        "## The same from a cold command line (`python -m enforcement report --format pdf`)",
        "",
        "| region | wall | target |",
        "| --- | --- | --- |",
    ]
    for region, seconds in report["cold"].items():
        lines.append(
            f"| {SINGLE[region]} | {_stats(seconds)} | {_verdict(statistics.median(seconds), TARGET_SINGLE_S)} |"
        )
    lines += [
        "",
        "## A province's cities in one batch (two worker processes, Word and PDF each)",
        "",
        "| province | cities | seconds | per city | .zip MB | load at start | target ≤ 60 s |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for region, result in report["batch"].items():
        lines.append(
            f"| {BATCHES[region]} | {result['children']} | {result['seconds']:.1f} | "
            f"{result['seconds'] / result['children']:.2f} | {result['MB']:.1f} | {result['load at start']:.2f} | "
            f"{_verdict(result['seconds'], TARGET_BATCH_S)} |"
        )
    lines += ["", *report.get("notes", [])]
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=str(DEFAULT_DB), help="the national database (default data/national.duckdb)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each single report (default 3)")
    parser.add_argument("--out", default=str(RESULTS_FILE), help="results file (default bench/report_results.md)")
    parser.add_argument("--no-batch", action="store_true", help="leave out the province batches")
    parser.add_argument("--note", action="append", default=[], help="a line added under the results")
    args = parser.parse_args(argv)
    db_file = store.current_file(store.database_path(args.db))
    if db_file is None:
        print(f"没有数据库: {args.db} (python -m enforcement build --scale national --db {args.db})", file=sys.stderr)
        return 2
    report = {
        "started": dt.datetime.now().isoformat(timespec="minutes"),
        "db": Path(args.db).name,
        "load start": _load(),
        "probe start": probe_text(cpu_probe()),
        "notes": args.note,
    }
    runner = QueryRunner(connect.connect_readonly(db_file))
    service.render(runner.run, "320100", AS_OF, "zh", service.FORMATS)  # warm: imports, font set-up, caches
    report["warm"] = {region: single_warm(runner, region, args.repeat) for region in SINGLE}
    print("warm", {r: _stats([x["both"] for x in runs]) for r, runs in report["warm"].items()}, flush=True)
    report["cold"] = {region: single_cold(Path(args.db), region, args.repeat) for region in SINGLE}
    print("cold", {r: _stats(s) for r, s in report["cold"].items()}, flush=True)
    report["batch"] = {}
    if not args.no_batch:
        for region in BATCHES:
            report["batch"][region] = batch(runner, db_file, region, service.FORMATS)
            print("batch", region, f"{report['batch'][region]['seconds']:.1f} s", flush=True)
    report["load end"] = _load()
    report["probe end"] = probe_text(cpu_probe())
    write_results(Path(args.out), report)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
