"""Shared fixtures: one sample database per test session, built by the project's own build code."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.components.v2 import manifest_scanner

from enforcement.storage import build, connect, store
from enforcement.storage.runner import QueryRunner

PROJECT = Path(__file__).resolve().parent.parent

# Each new AppTest scans the metadata of every installed distribution for Streamlit components (about 1 s here, with
# the test tools installed; a server does it once at start). What is installed does not change during a test run.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path (the published link) of a freshly built sample database; also exported as ENFORCEMENT_DB."""
    db_path = tmp_path_factory.mktemp("db") / "enforcement.duckdb"
    build.build(db_path)
    os.environ[store.ENV_VAR] = str(db_path)
    return db_path


@pytest.fixture(scope="session")
def con(sample_db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the sample database (tests must not change it)."""
    return connect.connect_readonly(store.current_file(sample_db))


@pytest.fixture(scope="session")
def runner(con: duckdb.DuckDBPyConnection) -> QueryRunner:
    return QueryRunner(con)


@pytest.fixture()
def writable_copy(sample_db: Path, tmp_path: Path):
    """A writable connection to a copy of the sample database (for tests that change data)."""
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store.current_file(sample_db), copy)
    connection = duckdb.connect(str(copy))
    yield connection
    connection.close()


def schema_only() -> duckdb.DuckDBPyConnection:
    """An empty in-memory database with the schema: its tables, and its macros (the status rules among them)."""
    connection = duckdb.connect()
    connection.execute(build.SCHEMA_FILE.read_text(encoding="utf-8"))
    return connection


@pytest.fixture()
def schema_con() -> duckdb.DuckDBPyConnection:
    """An empty in-memory database with the schema and the reference data loaded (for constraint tests)."""
    connection = schema_only()
    build.load_reference(QueryRunner(connection))
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def rules() -> duckdb.DuckDBPyConnection:
    """The schema's macros with no data, to call the status rules on plain values (the tests only read)."""
    connection = schema_only()
    yield connection
    connection.close()
