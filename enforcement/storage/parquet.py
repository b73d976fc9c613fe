"""The database as a Parquet dataset, hive-partitioned by province and year: the form a national data platform
would hand over, and a way past one machine's disk.

``export_dataset`` writes every table of a database file: statistics (and their rollups, and task progress) as
``<table>/province=<2 digits>/year=<yyyy>/*.parquet``, reference tables as ``<table>.parquet``, and a marker
``dataset.json``. ``open_dataset`` returns an in-memory DuckDB whose tables are views over those files, with the
schema's views and macros loaded, so every named query runs on it unchanged. The app uses a dataset when
ENFORCEMENT_PARQUET (or --db / ENFORCEMENT_DB) names its folder; see connect.connect_readonly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import duckdb

from enforcement.storage import build, rollups, store
from enforcement.storage.runner import QueryRunner, identifier, literal

MARKER = "dataset.json"
FORMAT = "enforcement-parquet/1"
# Partitioned tables: the column whose year partitions them (the province comes from region_code).
PARTITIONED = {
    "case_stats": "period_month",
    "training_stats": "period_month",
    "capacity_stats": "period_month",
    "satisfaction_surveys": "period_month",
    "rollup_monthly": "period_month",
    "task_progress": "report_date",
}


def is_dataset(path: Path) -> bool:
    return (path / MARKER).is_file()


def export_dataset(db_file: Path, out_dir: Path) -> dict[str, int]:
    """Write every table of db_file under out_dir (which must not exist or be empty); returns rows per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise ValueError(f"输出目录不是空的: {out_dir}")
    # Paths are the operator's, not a web user's; COPY takes no parameter for them.
    con = duckdb.connect(str(db_file), read_only=True)
    runner = QueryRunner(con)
    counts: dict[str, int] = {}
    try:
        for table in runner.run("database_tables")["table_name"]:
            name = identifier(table)
            if table in PARTITIONED:
                slots = {
                    "table": name,
                    "month_column": identifier(PARTITIONED[table]),
                    "folder": literal(str(out_dir / table)),
                }
                runner.execute("parquet_copy_partitioned", slots=slots)
            else:
                runner.execute(
                    "parquet_copy_table", slots={"table": name, "file": literal(str(out_dir / f"{table}.parquet"))}
                )
            counts[table] = int(runner.value(runner.statement("table_row_count", slots={"table": name})))
        meta = dict(runner.run("meta_facts").itertuples(index=False, name=None))
    finally:
        con.close()
    (out_dir / MARKER).write_text(
        json.dumps(
            {
                "format": FORMAT,
                "schema_version": meta.get("schema_version"),
                "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
                "partitioned_by": ["province", "year"],
                "tables": counts,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return counts


def open_dataset(dataset: Path | str, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB over the dataset's files, with the schema's views and macros. Read-only by nature.

    dataset: a local folder, or a base URL DuckDB can read (s3://…, with the httpfs extension installed).
    """
    base = str(dataset).rstrip("/")
    local = "://" not in base
    described = json.loads((Path(base) / MARKER).read_text(encoding="utf-8")) if local else None
    con = duckdb.connect(config={"threads": threads} if threads else {})
    runner = QueryRunner(con)
    runner.script(build.SCHEMA_FILE)
    tables = runner.run("database_tables")["table_name"].tolist()
    present = set(described["tables"]) if described else set(tables)
    derive = not set(rollups.DERIVED_TABLES) <= present
    if derive:
        # A dataset of base tables only: the derived tables stay in memory, rebuilt below from the files.
        present -= set(rollups.DERIVED_TABLES)
    # Drop the empty tables the schema made (referencing tables first), then put views in their place.
    remaining = [t for t in tables if t in present]
    while remaining:
        for table in list(remaining):
            try:
                runner.execute("parquet_drop_table", slots={"table": identifier(table)})
                remaining.remove(table)
            except duckdb.Error:
                continue
    for table in tables:
        if table not in present:
            continue
        if table in PARTITIONED:
            files = literal(f"{base}/{table}/*/*/*.parquet")
            runner.execute("parquet_partitioned_view", slots={"table": identifier(table), "files": files})
        else:
            file = literal(f"{base}/{table}.parquet")
            runner.execute("parquet_table_view", slots={"table": identifier(table), "file": file})
    if derive:
        # seconds at national scale; the memory they take grows with the data
        rollups.refresh(runner)
    return con


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="parquet_action", required=True)
    export_cmd = actions.add_parser("export", help="把数据库导出为按省、年分区的 Parquet 数据集")
    export_cmd.add_argument("--out", required=True, help="输出目录 (不存在或为空)")
    export_cmd.add_argument("--db", help=f"数据库文件 (默认: ${store.ENV_VAR}, 否则 data/enforcement.duckdb)")
    export_cmd.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    db_path = store.database_path(args.db)
    db_file = store.current_file(db_path)
    if db_file is None or db_file.is_dir():
        raise FileNotFoundError(f"数据库不存在: {db_path}")
    started = time.perf_counter()
    counts = export_dataset(db_file, Path(args.out).expanduser().absolute())
    print(f"完成, 用时 {time.perf_counter() - started:.1f} 秒: {args.out}")
    for table, rows in sorted(counts.items()):
        print(f"  {table:24s} {rows:>12,d}")
    print(f"使用: {store.PARQUET_ENV_VAR}={args.out} python -m streamlit run app.py", file=sys.stderr)
    return 0
