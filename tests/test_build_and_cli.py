"""Build and CLI: database location, atomic publication, clear errors and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from enforcement import cli
from enforcement.storage import build, connect, sample, store
from tests.conftest import PROJECT


def test_database_path_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv(store.ENV_VAR, raising=False)
    assert store.database_path() == store.DEFAULT_DB
    monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "env.duckdb"))
    assert store.database_path() == tmp_path / "env.duckdb"
    assert store.database_path(tmp_path / "cli.duckdb") == tmp_path / "cli.duckdb"


def test_a_failing_build_leaves_the_previous_database(sample_db, monkeypatch):
    before = store.current_file(sample_db)

    def explode(*args, **kwargs):
        raise RuntimeError("injected failure in the middle of the build")

    monkeypatch.setattr(sample, "generate_statistics", explode)
    with pytest.raises(RuntimeError):
        build.build(sample_db)
    assert store.current_file(sample_db) == before
    leftovers = [p for p in store.versions_dir(sample_db).iterdir() if p != before]
    assert leftovers == []
    con = duckdb.connect(str(before), read_only=True)
    assert con.execute("select count(*) from case_stats").fetchone()[0] > 0
    con.close()


def test_readers_keep_their_version_while_a_new_one_is_published(tmp_path):
    db_path = tmp_path / "e.duckdb"
    with store.new_version(db_path, copy_current=False) as runner:
        runner.connection.execute("create table t as select 1 as v")
    reader = connect.connect_readonly(store.current_file(db_path))
    with store.new_version(db_path, copy_current=True) as runner:
        runner.connection.execute("update t set v = 2")
    assert reader.execute("select v from t").fetchone() == (1,)
    fresh = connect.connect_readonly(store.current_file(db_path))
    assert fresh.execute("select v from t").fetchone() == (2,)


def test_ensure_database_builds_only_when_missing(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(build, "build", lambda path, on_stage=None: calls.append(path))
    db_path = tmp_path / "x.duckdb"
    build.ensure_database(db_path)
    assert calls == [db_path]
    with store.new_version(db_path, copy_current=False) as runner:
        runner.connection.execute("create table meta (key varchar, value varchar)")
    build.ensure_database(db_path)
    assert calls == [db_path]


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "enforcement", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_cli_rejects_a_bad_scale_with_a_message():
    result = run_cli("build", "--scale", "galactic")
    assert result.returncode != 0
    assert "galactic" in result.stderr and "Traceback" not in result.stderr


def test_cli_build_reports_row_counts(tmp_path):
    result = run_cli("build", "--db", str(tmp_path / "cli.duckdb"))
    assert result.returncode == 0, result.stderr
    assert "case_stats" in result.stdout and (tmp_path / "cli.duckdb").is_symlink()


def test_schema_version_is_recorded(sample_db):
    assert build.schema_version_of(store.current_file(sample_db)) == build.SCHEMA_VERSION


@pytest.mark.parametrize("options", [["--build"], ["--skip", "pandas", "--repeat", "3"], []])
def test_cli_hands_the_benchmark_its_own_options(monkeypatch, options):
    """`python -m enforcement bench --build` as docs/cli.md writes it: argparse's REMAINDER alone refused an option
    in first place, so the documented command stopped with a usage error before the benchmark saw it."""
    from bench import national

    received = []
    monkeypatch.setattr(national, "main", lambda argv: received.append(argv) or 0)
    assert cli.main(["bench", *options]) == 0
    assert received == [options]


def test_cli_still_refuses_an_unknown_option_for_other_commands(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["build", "--scale", "sample", "--bogus"])
    assert stopped.value.code == 2
    assert "--bogus" in capsys.readouterr().err
