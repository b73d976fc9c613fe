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
from enforcement.storage.runner import QueryRunner

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


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    # Paths are the operator's, not a web user's; COPY and read_parquet take no parameters for them.
    return "'" + text.replace("'", "''") + "'"


def export_dataset(db_file: Path, out_dir: Path) -> dict[str, int]:
    """Write every table of db_file under out_dir (which must not exist or be empty); returns rows per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise ValueError(f"输出目录不是空的: {out_dir}")
    con = duckdb.connect(str(db_file), read_only=True)
    counts: dict[str, int] = {}
    try:
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'main' order by table_name"
            ).fetchall()
        ]
        for table in tables:
            name = _quote(table)
            if table in PARTITIONED:
                # Sorted by region within each file, so row-group statistics let a region filter skip data.
                con.execute(
                    f"copy (select *, left(region_code, 2) as province, year({PARTITIONED[table]}) as year "
                    f"from {name} order by region_code, {PARTITIONED[table]}) "
                    f"to {_literal(str(out_dir / table))} "
                    "(format parquet, partition_by (province, year), compression zstd, row_group_size 122880)"
                )
            else:
                con.execute(f"copy {name} to {_literal(str(out_dir / f'{table}.parquet'))} (format parquet)")
            counts[table] = con.execute(f"select count(*) from {name}").fetchone()[0]
        meta = dict(con.execute("select key, value from meta").fetchall())
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
    con.execute(build.SCHEMA_FILE.read_text(encoding="utf-8"))
    tables = [
        row[0] for row in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()
    ]
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
                con.execute(f"drop table {_quote(table)}")
                remaining.remove(table)
            except duckdb.Error:
                continue
    for table in tables:
        if table not in present:
            continue
        if table in PARTITIONED:
            source = f"read_parquet({_literal(base + '/' + table + '/*/*/*.parquet')}, hive_partitioning = true)"
            con.execute(f"create view {_quote(table)} as select * exclude (province, year) from {source}")
        else:
            con.execute(
                f"create view {_quote(table)} as select * from read_parquet({_literal(base + '/' + table + '.parquet')})"
            )
    if derive:
        # seconds at national scale; the memory they take grows with the data
        rollups.refresh(QueryRunner(con))
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
