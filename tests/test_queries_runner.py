"""The named-query runner: parameters are checked and bound, never formatted into SQL."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import duckdb
import pytest

from enforcement.storage import runner
from enforcement.storage.runner import QueryError, QueryRunner, Statement


def test_every_query_file_loads_and_names_its_parameters():
    names = runner.available()
    assert "region_children" in names and len(names) > 20
    for name in names:
        sql, params = runner.load(name)
        assert sql.lstrip().startswith("--"), f"{name}.sql has no header comment"
        assert all(p.isidentifier() for p in params)


def test_placeholders_in_comments_and_strings_are_not_parameters():
    _, params = runner.load("region_lineage")
    assert params == {"region_code"}


def test_missing_and_extra_parameters_are_refused(runner):
    with pytest.raises(QueryError, match="missing"):
        runner.run("region_children")
    with pytest.raises(QueryError, match="unexpected"):
        runner.run("region_children", parent_code="320000", extra=1)


def test_unknown_or_malformed_query_names_are_refused(runner):
    with pytest.raises(QueryError):
        runner.run("no_such_query")
    with pytest.raises(QueryError):
        runner.run("../schema")


def test_values_are_bound_not_formatted(runner):
    hostile = "320000' or '1'='1"
    assert runner.run("region_children", parent_code=hostile).empty
    assert len(runner.run("region_children", parent_code="320000")) == 13


# ----------------------------------------------------------------------------------------------- the choke point

PACKAGE = Path(__file__).resolve().parents[1]
RUNTIME = [
    PACKAGE / "app.py",
    *sorted((PACKAGE / "pages").glob("*.py")),
    *sorted((PACKAGE / "enforcement").rglob("*.py")),
]
# Methods that run a named query: their first argument is the query's name, written out.
NAMED_CALLS = {"run", "execute", "scalar", "statement", "query"}
# DuckDB's own ways of running SQL, which only the runner may call.
RAW_CALLS = {"cursor", "sql", "executemany", "fetchall", "fetchone", "fetchmany", "df", "register"}


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


# The access store (accounts and the audit trail) is a SQLite file beside the DuckDB database, not a DuckDB version
# (it must outlive every import and rebuild, and be written while the app holds the database open): its own module is
# the one place that runs its SQL, from the named files in queries/access/, through _run, _one and _all.
SQL_RUNNERS = {"enforcement/storage/runner.py", "enforcement/access/store.py"}
ACCESS_STORE = "enforcement/access/store.py"
ACCESS_CALLS = {"_run", "_one", "_all"}


def test_only_the_runner_runs_sql_and_every_query_name_is_written_out():
    names = set(runner.available())
    access_names = {p.stem for p in (PACKAGE / "queries" / "access").glob("*.sql")}
    raw, unnamed, unknown = [], [], []
    for path in RUNTIME:
        where = path.relative_to(PACKAGE)
        for call in _calls(path):
            method = call.func.attr
            if method in RAW_CALLS and where.as_posix() not in SQL_RUNNERS:
                raw.append(f"{where}:{call.lineno} .{method}()")
            if where.as_posix() == ACCESS_STORE:
                if method in ACCESS_CALLS:
                    # (the helpers pass a name on in a variable; every caller writes it out)
                    name = next((a.value for a in call.args if isinstance(a, ast.Constant)), None)
                    if name is not None and name not in access_names:
                        unknown.append(f"{where}:{call.lineno} {name}")
                continue
            if method in NAMED_CALLS and call.args:
                first = call.args[0]
                if isinstance(first, ast.JoinedStr):
                    unnamed.append(f"{where}:{call.lineno}")
                elif isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value not in names:
                    unknown.append(f"{where}:{call.lineno} {first.value}")
    assert raw == [], "SQL run outside storage/runner.py (and the access store's own module)"
    assert unnamed == [], "query names assembled at run time (write them out so grep finds every caller)"
    assert unknown == [], "names of queries that do not exist"


def test_the_observer_sees_every_statement_with_its_name(con):
    seen = []
    observed = QueryRunner(con, observer=lambda name, seconds: seen.append((name, seconds)))
    observed.run("region_children", parent_code="320000")
    observed.scalar("meta_value", key="schema_version")
    observed.value(observed.statement("region_children", parent_code="320000").around("select count(*) from ({query})"))
    assert [name for name, _ in seen] == ["region_children", "meta_value", "region_children"]
    assert all(seconds >= 0 for _, seconds in seen)


def test_a_failed_query_is_logged_with_its_name_and_parameters(con, caplog):
    broken = QueryRunner(con).statement("region_children", parent_code="320000").around("select * from ({query}) x y z")
    logger = logging.getLogger("enforcement.storage.runner")
    # directly, at ERROR: Streamlit's own logging set-up (other tests start it) may stop propagation or raise levels
    # (a logging.config.dictConfig elsewhere disables the loggers that exist when it runs)
    disabled, logger.disabled = logger.disabled, False
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.ERROR, logger="enforcement.storage.runner"), pytest.raises(duckdb.Error):
            QueryRunner(con).frame(broken)
    finally:
        logger.removeHandler(caplog.handler)
        logger.disabled = disabled
    assert "region_children" in caplog.text and "320000" in caplog.text


def test_a_transaction_is_all_or_nothing():
    connection = duckdb.connect()
    try:
        writer = QueryRunner(connection)
        writer.perform(Statement("setup", "create table meta (key varchar primary key, value varchar)", {}))
        with pytest.raises(RuntimeError), writer.transaction() as tx:
            tx.execute("insert_meta", key="a", value="1")
            raise RuntimeError("injected")
        assert writer.run("meta_facts").empty
        with writer.transaction() as tx:
            tx.execute("insert_meta", key="a", value="1")
            tx.execute("insert_meta", key="b", value="2")
        assert writer.run("meta_facts")["key"].tolist() == ["a", "b"]
    finally:
        connection.close()


def test_identifiers_and_literals_cannot_break_out():
    assert runner.identifier('t"; drop table x; --') == '"t""; drop table x; --"'
    assert runner.literal("it's") == "'it''s'"
    connection = duckdb.connect()
    try:
        hostile = runner.literal("x'); drop table meta; --")
        assert QueryRunner(connection).value(Statement("probe", f"select {hostile}", {})) == "x'); drop table meta; --"
    finally:
        connection.close()
