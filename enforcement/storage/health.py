"""Whether the database file can be used, and if not, what the user should do about it.

Only a path with nothing at all behind it is built automatically (the designed first run). A link to a deleted
version, a file that is not a readable DuckDB database, or a database built by an older schema version is never
replaced behind the user's back: the page says what is wrong and how to rebuild. The one exception is an older
database that holds nothing but generated sample data, which the user may rebuild with one click: nothing is lost.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass
from pathlib import Path

import duckdb

from enforcement.storage import build, connect, store
from enforcement.storage.meta import META_HAS_IMPORTS, META_LAST_IMPORT
from enforcement.storage.runner import QueryRunner


@dataclass(frozen=True)
class FileState:
    """What is at the database path: nothing (first run), a dangling link, something that is not a file, or a file."""

    kind: str  # absent | dangling | not_a_file | file
    path: Path
    target: Path | None = None  # where a link points (dangling links included)


def file_state(db_path: Path) -> FileState:
    if not os.path.lexists(db_path):
        return FileState("absent", db_path)
    target = Path(os.path.realpath(db_path))
    if db_path.is_symlink() and not os.path.lexists(target):
        return FileState("dangling", db_path, target)
    if store.current_file(db_path) is None:  # neither a database file nor a Parquet dataset folder
        return FileState("not_a_file", db_path, target)
    return FileState("file", db_path, target)


def is_damage(error: BaseException) -> bool:
    """True for errors that mean the file itself is unreadable or corrupt (not a bug in a query)."""
    if isinstance(error, (duckdb.IOException, OSError)):
        return True
    text = str(error)
    return isinstance(error, duckdb.Error) and ("Corrupt database file" in text or "not a valid DuckDB" in text)


def build_command(db_path: Path) -> str:
    """The command that rebuilds this database (with --db unless it is the default one)."""
    if Path(db_path) == store.DEFAULT_DB:
        return "python -m enforcement build"
    return f"python -m enforcement build --db {shlex.quote(str(db_path))}"


def import_command(db_path: Path) -> str:
    if Path(db_path) == store.DEFAULT_DB:
        return "python -m enforcement import FILE"
    return f"python -m enforcement import FILE --db {shlex.quote(str(db_path))}"


def uploads_folder(db_path: Path) -> Path:
    return store.uploads_dir(db_path)


def schema_is_current(meta: dict[str, str]) -> bool:
    return meta.get("schema_version") == build.SCHEMA_VERSION


def rebuild_is_safe(meta: dict[str, str]) -> bool:
    """True if rebuilding loses nothing: the database says it holds only generated sample data and no imports.

    Anything it does not say for sure (no is_sample fact, an import flag, a last import id) counts as unsafe.
    """
    return (
        meta.get("is_sample") == "true"
        and meta.get(META_HAS_IMPORTS, "false") != "true"
        and not meta.get(META_LAST_IMPORT)
    )


def rebuild_sample(db_path: Path, expected_current: Path) -> bool:
    """Rebuild the sample database in place of expected_current; False if someone else already replaced it.

    Refuses (ValueError) when the current database is not safe to rebuild, so a stale button cannot drop imports.
    """
    with store.first_build_lock(db_path):
        if store.current_file(db_path) != expected_current:
            return False
        con = connect.connect_readonly(expected_current)
        try:
            facts = QueryRunner(con).run("meta_facts")
        finally:
            con.close()
        meta = dict(zip(facts["key"], facts["value"], strict=False))
        if not rebuild_is_safe(meta):
            raise ValueError(f"{db_path} holds imported data; it is not rebuilt automatically")
        build.build(db_path)
    return True
