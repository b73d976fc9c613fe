"""How cost grows with the data: ``python -m bench.scaling [--db PATH] [--factors 1,2,4] [--repeat N]``.

Makes the national database 2 and 4 times larger (issue 20, item 6) and measures at each size what the pages pay:
database size, the time to rebuild the rollups from the fact tables (the part of a build that grows with the data;
generating the sample rows is the rest), and the warm p50 of every query the pages run (the registry of
bench/national.py, over its five levels and two periods). Larger sizes hold the same regions and months with every
case row repeated under copies of the 20 enforcement domains and every training row under copies of the agencies
(codes marked "~2", "~3", …), in region order as the build writes them, so each query reads k times the fact rows
it reads at national scale. Each size is a copy in a temporary folder; the national database is not changed. Prints
and writes bench/scaling_results.md; a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.national import TARGET_QUERY_MS, cpu_probe, database_facts, page_queries, probe_text, time_queries
from enforcement.storage import rollups, store

DEFAULT_DB = store.PROJECT_DIR / "data" / "national.duckdb"
RESULTS_FILE = store.PROJECT_DIR / "bench" / "scaling_results.md"


def scaled_copy(source: Path, folder: Path, factor: int) -> tuple[Path, float, float]:
    """A copy of the database with factor times the case and training rows: (its file, seconds to write the rows,
    seconds to rebuild the rollups)."""
    db_path = folder / f"scaled_{factor}x.duckdb"
    with store.new_version(db_path, copy_current=False):
        pass
    shutil.copyfile(store.current_file(source), store.current_file(db_path))
    if factor == 1:
        with store.new_version(db_path, copy_current=True) as runner:
            started = time.perf_counter()
            rollups.refresh(runner)
            return store.current_file(db_path), 0.0, time.perf_counter() - started
    with store.new_version(db_path, copy_current=True) as runner:
        started = time.perf_counter()
        for copy in range(1, factor):
            runner.execute("bench_scale_domains", copy=copy)
            runner.execute("bench_scale_agencies", copy=copy)
        runner.execute("bench_scale_prepare")
        for prefix in runner.run("province_prefixes")["code_prefix"]:
            runner.execute("bench_scale_cases", prefix=prefix, copies=factor - 1)
            runner.execute("bench_scale_training", prefix=prefix, copies=factor - 1)
        runner.execute("bench_scale_swap")
        rows_s = time.perf_counter() - started
        started = time.perf_counter()
        rollups.refresh(runner)
        rollup_s = time.perf_counter() - started
    return store.current_file(db_path), rows_s, rollup_s


def summarise(rows: list[dict]) -> dict[str, dict[str, float]]:
    """Per page: the median and the worst of its queries' warm p50 (ms), and how many are over the target."""
    by_page: dict[str, list[float]] = {}
    for row in rows:
        by_page.setdefault(row["page"], []).append(row["warm_p50_ms"])
    return {
        page: {
            "median": statistics.median(values),
            "worst": max(values),
            "over": sum(v > TARGET_QUERY_MS for v in values),
            "count": len(values),
        }
        for page, values in sorted(by_page.items())
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--factors", default="1,2,4")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs of each query (default 5)")
    parser.add_argument("--out", default=str(RESULTS_FILE))
    args = parser.parse_args(argv)
    source = Path(args.db)
    factors = [int(f) for f in args.factors.split(",")]
    probe_start, load_start = cpu_probe(), os.getloadavg()
    sizes = []
    pages = list(page_queries())
    for factor in factors:
        with tempfile.TemporaryDirectory(prefix=f"bench-scale-{factor}x-", dir=source.parent) as tmp:
            print(f"{factor}x: writing the rows", file=sys.stderr)
            db_file, rows_s, rollup_s = scaled_copy(source, Path(tmp), factor)
            counts = database_facts(db_file)["rows"]
            print(
                f"{factor}x: {counts}, rows {rows_s:.1f} s, rollups {rollup_s:.1f} s; timing queries", file=sys.stderr
            )
            timed = time_queries(db_file, args.repeat)
            sizes.append(
                {
                    "factor": factor,
                    "size_mb": db_file.stat().st_size / 2**20,
                    "rows_s": rows_s,
                    "rollup_s": rollup_s,
                    "counts": counts,
                    "pages": summarise(timed["rows"]),
                    "all_p50": statistics.median(r["warm_p50_ms"] for r in timed["rows"]),
                    "over": sum(r["warm_p50_ms"] > TARGET_QUERY_MS for r in timed["rows"]),
                    "queries": len(timed["rows"]),
                    "rss_mb": timed["peak_rss_mb"],
                }
            )
    probe_end, load_end = cpu_probe(), os.getloadavg()
    head = "| | " + " | ".join(f"{s['factor']}×" for s in sizes) + " |"
    rule = "| --- | " + " | ".join("---:" for _ in sizes) + " |"

    def line(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    table = [
        head,
        rule,
        line("case rows", [f"{s['counts']['case_stats']:,}" for s in sizes]),
        line("training rows", [f"{s['counts']['training_stats']:,}" for s in sizes]),
        line("rollup rows", [f"{s['counts']['rollup_monthly']:,}" for s in sizes]),
        line("database file, MB", [f"{s['size_mb']:,.0f}" for s in sizes]),
        line("writing the extra rows, s", [f"{s['rows_s']:.1f}" for s in sizes]),
        line("rollup rebuild, s", [f"{s['rollup_s']:.1f}" for s in sizes]),
        line("every page query: median of warm p50, ms", [f"{s['all_p50']:.1f}" for s in sizes]),
        line(f"queries over {TARGET_QUERY_MS} ms warm p50", [f"{s['over']} of {s['queries']}" for s in sizes]),
        line("peak RSS of the bench process (writing, rollups, queries), MB", [f"{s['rss_mb']:,}" for s in sizes]),
    ]
    page_table = [
        "| page | " + " | ".join(f"{s['factor']}×: median / worst p50 ms" for s in sizes) + " |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " |",
    ]
    for page in pages:
        cells = []
        for s in sizes:
            figures = s["pages"].get(page)
            cells.append(f"{figures['median']:.1f} / {figures['worst']:.1f}" if figures else "-")
        page_table.append(f"| {page} | " + " | ".join(cells) + " |")
    text = "\n".join(
        [
            "# How cost grows with the data",
            "",
            f"Run {dt.datetime.now():%Y-%m-%dT%H:%M} by `python -m bench.scaling` from `{source.name}`; "
            f"{os.cpu_count()} cores. Load average at start {' / '.join(f'{x:.2f}' for x in load_start)}, at end "
            f"{' / '.join(f'{x:.2f}' for x in load_end)}; CPU probe at start {probe_text(probe_start)}, at end "
            f"{probe_text(probe_end)}. k× holds the national regions and months with every case row repeated "
            "under k copies of the enforcement domains and every training row under k copies of the agencies. "
            f"Warm p50 over {args.repeat} runs on one connection, no Streamlit cache (as bench/results.md).",
            "",
            *table,
            "",
            "## Page queries by page",
            "",
            *page_table,
            "",
        ]
    )
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
