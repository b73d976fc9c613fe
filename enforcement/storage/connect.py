"""Opening the database for reading: a version file, or a Parquet dataset folder served from memory."""

from __future__ import annotations

from pathlib import Path

import duckdb

from enforcement.storage import parquet


def connect_readonly(db_file: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to one version file (or Parquet dataset). One per process; a cursor() per query."""
    if db_file.is_dir():
        return parquet.open_dataset(db_file)
    return duckdb.connect(str(db_file), read_only=True)
