"""The one place that executes SQL: named queries in ``queries/<name>.sql`` with ``$name`` placeholders.

Every statement of the application (page queries, the build, rollups, imports, exports, Parquet DDL) goes through a
``QueryRunner``: it checks the parameters against the file, binds them (values are never formatted into SQL), runs
the statement on its own cursor (safe across Streamlit's session threads), logs a failure with the query's name and
parameters, and reports every statement's name and time to the runner's observer (the benchmark's hook).

A few statements must carry text DuckDB cannot bind (a COPY's file name, a view's Parquet source, an identifier from
the dataset catalogue); they are composed from a named query with ``identifier`` and ``literal``, the one pair of
escaping helpers, and run under that query's name.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
NAME = re.compile(r"[a-z][a-z0-9_]*")  # what a query name may be
# Comments and string literals may contain '$word' without it being a parameter.
_COMMENT_OR_STRING = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", re.S)
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

# Called with the statement's name and its wall time in seconds after every statement (the benchmark's hook).
Observer = Callable[[str, float], None]

log = logging.getLogger(__name__)


class QueryError(Exception):
    """A named query could not be run as asked."""


@functools.lru_cache(maxsize=256)
def load(name: str, directory: Path = QUERIES_DIR) -> tuple[str, frozenset[str]]:
    """The SQL text of a named query in directory (queries/, or queries/access/ for the access store) and the
    parameter names it uses."""
    if not NAME.fullmatch(name):
        raise QueryError(f"not a query name: {name!r}")
    path = directory / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"no query named {name} ({path})")
    sql = path.read_text(encoding="utf-8")
    return sql, frozenset(_PLACEHOLDER.findall(_COMMENT_OR_STRING.sub(" ", sql)))


def available() -> list[str]:
    """Names of all queries in queries/."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def identifier(name: str) -> str:
    """A name as a quoted SQL identifier (for names from our own catalogue that SQL cannot take as a parameter)."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """Text as an SQL string literal, for the places DuckDB cannot bind a value (COPY's file name, DDL)."""
    return "'" + text.replace("'", "''") + "'"


def _normalise(value: Any) -> Any:
    # DuckDB binds tuples as structs; the queries expect lists.
    return list(value) if isinstance(value, (tuple, set, frozenset)) else value


@dataclasses.dataclass(frozen=True)
class Statement:
    """SQL ready to run: the query's name (for logs and timings), its text and its bound values."""

    name: str
    sql: str
    params: dict[str, Any]

    def around(self, template: str, **params: Any) -> Statement:
        """This statement inside another one: template holds {query} where this statement's SQL goes."""
        return Statement(self.name, template.format(query=self.sql.strip().rstrip(";")), {**self.params, **params})


def bind(name: str, params: dict[str, Any], slots: dict[str, str] | None = None) -> Statement:
    """A named query with its parameters checked against the file (none missing, none extra).

    slots: for the few statements with {slot}s that SQL cannot bind (DDL, COPY), their text, made with
    ``identifier`` or ``literal``.
    """
    sql, expected = load(name)
    missing, extra = expected - params.keys(), params.keys() - expected
    if missing or extra:
        raise QueryError(f"query {name}: parameters missing {sorted(missing)}, unexpected {sorted(extra)}")
    if slots is not None:
        sql = sql.format(**slots)
    return Statement(name, sql, {key: _normalise(value) for key, value in params.items()})


class QueryRunner:
    """Runs statements on one DuckDB connection, a fresh cursor per call (or one cursor inside a transaction)."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        observer: Observer | None = None,
        *,
        _cursor: duckdb.DuckDBPyConnection | None = None,
    ):
        self._connection = connection
        self._observer = observer
        self._held = _cursor  # the transaction's cursor, when this runner is one

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The connection it runs on (to close a connection this runner was made for; never to run SQL)."""
        return self._connection

    @staticmethod
    def statement(name: str, *, slots: dict[str, str] | None = None, **params: Any) -> Statement:
        """A named query bound to its parameters, for callers that compose it or fill its {slots}."""
        return bind(name, params, slots)

    # ------------------------------------------------------------------------------------------- running

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._held is not None:
            try:
                yield self._held
            finally:
                # The transaction's next statement needs the cursor free of this one's unread result.
                with contextlib.suppress(duckdb.Error):
                    self._held.abort()
            return
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextlib.contextmanager
    def _running(
        self, statement: Statement, frames: dict[str, pd.DataFrame] | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        started = time.perf_counter()
        with self._cursor() as cursor:
            for frame_name, frame in (frames or {}).items():
                cursor.register(frame_name, frame)
            try:
                cursor.execute(statement.sql, statement.params)
                yield cursor
            except duckdb.Error:
                log.error("query %s failed with parameters %r", statement.name, _shown(statement.params))
                raise
            finally:
                for frame_name in frames or {}:
                    with contextlib.suppress(duckdb.Error):
                        cursor.unregister(frame_name)
                seconds = time.perf_counter() - started
                log.debug("query %s took %.1f ms", statement.name, 1000 * seconds)
                if self._observer is not None:
                    self._observer(statement.name, seconds)

    def run(self, name: str, *, frames: dict[str, pd.DataFrame] | None = None, **params: Any) -> pd.DataFrame:
        """Run a named query and return its result.

        frames: DataFrames the query reads by name (registered on the query's cursor only).
        """
        return self.frame(bind(name, params), frames)

    def frame(self, statement: Statement, frames: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
        """Run a statement and return its result as a DataFrame."""
        with self._running(statement, frames) as cursor:
            return cursor.df()

    def rows(self, statement: Statement) -> list[tuple]:
        """Run a statement and return its rows as tuples."""
        with self._running(statement) as cursor:
            return cursor.fetchall()

    def scalar(self, name: str, *, frames: dict[str, pd.DataFrame] | None = None, **params: Any) -> Any:
        """The first column of the first row of a named query (None when it returns no row)."""
        return self.value(bind(name, params), frames)

    def value(self, statement: Statement, frames: dict[str, pd.DataFrame] | None = None) -> Any:
        """The first column of the first row of a statement (None when it returns no row)."""
        with self._running(statement, frames) as cursor:
            row = cursor.fetchone()
        return row[0] if row else None

    def batches(self, statement: Statement, size: int) -> Iterator[list[tuple]]:
        """The rows of a statement in lists of at most size, fetched as they are consumed (large exports)."""
        with self._running(statement) as cursor:
            while batch := cursor.fetchmany(size):
                yield batch

    def execute(
        self,
        name: str,
        *,
        frames: dict[str, pd.DataFrame] | None = None,
        slots: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        """Run a named statement that returns nothing (build and import steps).

        frames: DataFrames the statement reads by name (registered on the statement's cursor only).
        slots: text for the statement's {slots} (see bind).
        """
        self.perform(bind(name, params, slots), frames)

    def perform(self, statement: Statement, frames: dict[str, pd.DataFrame] | None = None) -> None:
        """Run a statement for its effect."""
        with self._running(statement, frames):
            pass

    def script(self, path: Path) -> None:
        """Run a file of several statements without parameters (the schema), named by the file."""
        self.perform(Statement(path.stem, path.read_text(encoding="utf-8"), {}))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[QueryRunner]:
        """A runner whose statements share one cursor inside BEGIN … COMMIT; rolled back if the block raises."""
        if self._held is not None:
            raise QueryError("transactions do not nest")
        cursor = self._connection.cursor()
        inside = QueryRunner(self._connection, self._observer, _cursor=cursor)
        try:
            inside.execute("transaction_begin")
            try:
                yield inside
            except BaseException:
                with contextlib.suppress(duckdb.Error):
                    inside.execute("transaction_rollback")
                raise
            inside.execute("transaction_commit")
        finally:
            cursor.close()


def _shown(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters for a log line: long lists and texts cut short."""
    shown = {}
    for key, value in params.items():
        if isinstance(value, list) and len(value) > 10:
            value = [*value[:10], f"… {len(value) - 10} more"]
        elif isinstance(value, str) and len(value) > 200:
            value = value[:200] + "…"
        shown[key] = value
    return shown
