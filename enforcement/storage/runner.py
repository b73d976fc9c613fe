"""Named queries: ``queries/<name>.sql`` with ``$name`` placeholders, bound as parameters, never formatted in.

``QueryRunner(connection).run(name, **params)`` is the one place that executes a query on the dashboard's
connection: it checks the parameters against the file, runs the query on its own cursor (safe across
Streamlit's session threads) and returns a DataFrame.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Comments and string literals may contain '$word' without it being a parameter.
_COMMENT_OR_STRING = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", re.S)
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

log = logging.getLogger(__name__)


class QueryError(Exception):
    """A named query could not be run as asked."""


@functools.lru_cache(maxsize=256)
def load(name: str) -> tuple[str, frozenset[str]]:
    """The SQL text of a named query and the parameter names it uses."""
    if not _NAME.fullmatch(name):
        raise QueryError(f"不是有效的查询名: {name!r}")
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"没有名为 {name} 的查询 ({path})")
    sql = path.read_text(encoding="utf-8")
    return sql, frozenset(_PLACEHOLDER.findall(_COMMENT_OR_STRING.sub(" ", sql)))


def available() -> list[str]:
    """Names of all queries in queries/."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def _normalise(value: Any) -> Any:
    # DuckDB binds tuples as structs; the queries expect lists.
    return list(value) if isinstance(value, (tuple, set, frozenset)) else value


def bind(name: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The SQL of a named query and its parameters, checked against the file, ready to execute.

    For callers that must wrap a named query (count its rows, COPY it to a file) rather than run it as it is.
    """
    sql, expected = load(name)
    missing, extra = expected - params.keys(), params.keys() - expected
    if missing or extra:
        raise QueryError(f"查询 {name} 的参数不符: 缺少 {sorted(missing)}, 多余 {sorted(extra)}")
    return sql, {key: _normalise(value) for key, value in params.items()}


class QueryRunner:
    """Runs named queries on one DuckDB connection, a fresh cursor per call."""

    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self._connection = connection

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The connection it runs on (for code that builds its own SQL from named queries, e.g. exports)."""
        return self._connection

    def _bind(self, name: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return bind(name, params)

    def run(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a named query and return its result."""
        sql, bound = self._bind(name, params)
        started = time.perf_counter()
        cursor = self._connection.cursor()
        try:
            return cursor.execute(sql, bound).df()
        except duckdb.Error:
            log.error("query %s failed with parameters %r", name, bound)
            raise
        finally:
            cursor.close()
            log.debug("query %s took %.1f ms", name, 1000 * (time.perf_counter() - started))

    def execute(self, name: str, *, frames: dict[str, pd.DataFrame] | None = None, **params: Any) -> None:
        """Run a named statement that returns nothing (build and import steps).

        frames: DataFrames the statement reads by name (registered on the statement's cursor only).
        """
        sql, bound = self._bind(name, params)
        cursor = self._connection.cursor()
        try:
            for frame_name, frame in (frames or {}).items():
                cursor.register(frame_name, frame)
            cursor.execute(sql, bound)
        except duckdb.Error:
            log.error("statement %s failed with parameters %r", name, bound)
            raise
        finally:
            cursor.close()
