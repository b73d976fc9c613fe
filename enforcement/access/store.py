"""The access store: accounts and the audit trail in SQLite beside the DuckDB database; the one place that runs its SQL.

Why not in the DuckDB file: every import and rebuild publishes a *new* DuckDB version (storage/store.py), and while
the app holds a version open no other process may write it, so accounts and entries kept there would be lost or
could not be written by the command line. SQLite in write-ahead-log mode lets many readers (a page view looks up
its account) go on while one writer appends, and a writer waits only for another writer's short transaction
(BEGIN IMMEDIATE, a few milliseconds), so two people acting at once are both recorded. Each write is synced to
disk before it reports success, so the trail survives a crash of the app.

The SQL is in named files, queries/access/<name>.sql, with $name placeholders bound by sqlite3 (never formatted),
and the table definitions, triggers and indexes in schema.sql beside this module.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from enforcement.access import chain
from enforcement.access.accounts import (
    Account,
    AccountError,
    Actor,
    check_identity,
    check_name,
    check_region,
    check_role,
    normalise_identity,
)
from enforcement.access.trail import Event
from enforcement.storage import runner
from enforcement.storage import store as database_store

ENV_VAR = "ENFORCEMENT_ACCESS_DB"
SCHEMA_FILE = Path(__file__).with_name("schema.sql")
SCHEMA_VERSION = 1
QUERIES_DIR = database_store.PROJECT_DIR / "queries" / "access"
WAIT_SECONDS = 10.0  # how long a writer waits for another writer's transaction

log = logging.getLogger(__name__)


class StoreError(RuntimeError):
    """The access store cannot be used. Its message names the file and the reason (no language of its own: the page
    or command that shows it says in its reader's language what could not be done)."""


def store_path(db_path: str | os.PathLike | None = None) -> Path:
    """$ENFORCEMENT_ACCESS_DB, else <database name>.access.sqlite beside the database (data/enforcement.access.sqlite).

    Named after the database, so that two databases in one folder (the sample and a national benchmark build) keep
    their own accounts and trails.
    """
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser().absolute()
    db = database_store.database_path(db_path)
    return db.parent / f"{db.stem}.access.sqlite"


def _load(name: str) -> tuple[str, frozenset[str]]:
    """The SQL of a named access query and its parameters, read as the DuckDB runner reads its own."""
    try:
        return runner.load(name, QUERIES_DIR)
    except runner.QueryError as error:
        raise StoreError(str(error)) from error


def _bound(name: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    sql, expected = _load(name)
    missing, extra = expected - params.keys(), params.keys() - expected
    if missing or extra:
        raise StoreError(f"access query {name}: parameters missing {sorted(missing)}, unexpected {sorted(extra)}")
    return sql, params


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _account(row: sqlite3.Row | None) -> Account | None:
    if row is None:
        return None
    values = dict(row)
    values["is_enabled"] = bool(values["is_enabled"])
    return Account(**values)


class AccessStore:
    """Accounts and the audit trail in one SQLite file; a connection per call (safe from any thread)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @classmethod
    def for_database(cls, db_path: str | os.PathLike | None = None) -> AccessStore:
        return cls(store_path(db_path))

    # ------------------------------------------------------------------------------------------- running

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        created = not self.path.exists()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=WAIT_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"{self.path}: {error}") from error  # the reader's page or command says what failed
        try:
            if created:
                # Accounts and the trail are for the server's user only.
                with contextlib.suppress(OSError):
                    os.chmod(self.path, 0o600)
            connection.row_factory = sqlite3.Row
            if self._one(connection, "schema_version")[0] < SCHEMA_VERSION:
                connection.executescript(SCHEMA_FILE.read_text(encoding="utf-8"))
            self._run(connection, "connection_settings")
            yield connection
        except sqlite3.DatabaseError as error:
            log.error("access store %s: %s", self.path, error)
            raise StoreError(f"{self.path}: {error}") from error
        finally:
            connection.close()

    @staticmethod
    def _run(connection: sqlite3.Connection, name: str, **params: Any) -> sqlite3.Cursor:
        sql, values = _bound(name, params)
        return connection.execute(sql, values)

    def _one(self, connection: sqlite3.Connection, name: str, **params: Any) -> sqlite3.Row | None:
        return self._run(connection, name, **params).fetchone()

    def _all(self, name: str, **params: Any) -> list[sqlite3.Row]:
        with self._connection() as connection:
            return self._run(connection, name, **params).fetchall()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction: BEGIN IMMEDIATE takes the write lock at once (another writer waits for it)."""
        with self._connection() as connection:
            self._run(connection, "write_begin")
            try:
                yield connection
            except BaseException:
                self._run(connection, "write_rollback")
                raise
            self._run(connection, "write_commit")

    # ------------------------------------------------------------------------------------------- accounts

    def account_of(self, sub: str | None, email: str | None) -> Account | None:
        """The account of a signed-in identity (by sub, else by e-mail), enabled or not; None if it has none."""
        if not sub and not email:
            return None
        with self._connection() as connection:
            row = self._one(
                connection, "account_of", sub=sub or None, email=normalise_identity(email) if email else None
            )
        return _account(row)

    def account(self, identity: str) -> Account | None:
        rows = self._all("account_get", identity=normalise_identity(identity))
        return _account(rows[0]) if rows else None

    def accounts(self) -> list[Account]:
        return [_account(row) for row in self._all("account_list")]

    def add_account(
        self, identity: str, role: str, region_code: str, by: Actor, display_name: str = "", region_name: str = ""
    ) -> Account:
        """A new enabled account, recorded in the trail in the same transaction."""
        identity, role = check_identity(identity), check_role(role)
        region_code, display_name = check_region(region_code), check_name(display_name)
        at = _now()
        with self._writing() as connection:
            if self._one(connection, "account_get", identity=identity) is not None:
                raise AccountError("acc_exists", identity=identity)
            self._run(
                connection,
                "account_insert",
                identity=identity,
                display_name=display_name,
                role=role,
                region_code=region_code,
                is_enabled=1,
                at=at,
                by=by.identity,
            )
            details = {"identity": identity, "name": display_name, "role": role, "region_name": region_name}
            self._append(connection, Event("account_add", by, region_code=region_code, details=details), at)
            return _account(self._one(connection, "account_get", identity=identity))

    def change_account(
        self,
        identity: str,
        by: Actor,
        *,
        role: str | None = None,
        region_code: str | None = None,
        display_name: str | None = None,
        enabled: bool | None = None,
        region_name: str = "",
    ) -> tuple[Account, Account]:
        """Change what is given (role, region, name, enabled); (before, after), recorded in the same transaction."""
        identity = normalise_identity(identity)
        at = _now()
        with self._writing() as connection:
            before = _account(self._one(connection, "account_get", identity=identity))
            if before is None:
                raise AccountError("acc_unknown", identity=identity)
            after = Account(
                identity=identity,
                role=check_role(role) if role is not None else before.role,
                region_code=check_region(region_code) if region_code is not None else before.region_code,
                display_name=check_name(display_name) if display_name is not None else before.display_name,
                is_enabled=before.is_enabled if enabled is None else bool(enabled),
            )
            changed = {
                name: {"from": getattr(before, name), "to": getattr(after, name)}
                for name in ("role", "region_code", "display_name", "is_enabled")
                if getattr(before, name) != getattr(after, name)
            }
            if not changed:
                return before, before
            self._run(
                connection,
                "account_update",
                identity=identity,
                display_name=after.display_name,
                role=after.role,
                region_code=after.region_code,
                is_enabled=int(after.is_enabled),
                at=at,
                by=by.identity,
            )
            details = {"identity": identity, "changed": changed, "region_name": region_name}
            self._append(connection, Event("account_change", by, region_code=after.region_code, details=details), at)
            return before, _account(self._one(connection, "account_get", identity=identity))

    # ------------------------------------------------------------------------------------------- audit trail

    def record(self, event: Event) -> int | None:
        """Append an event to the trail; its entry number, or None for a once-only event already recorded."""
        with self._writing() as connection:
            return self._append(connection, event, _now())

    def _append(self, connection: sqlite3.Connection, event: Event, at: str) -> int | None:
        if event.once_key is not None and self._one(connection, "audit_once_seen", once_key=event.once_key):
            return None
        last = self._one(connection, "audit_last")
        entry = {
            "entry_id": (last["entry_id"] if last else 0) + 1,
            "occurred_at": at,
            "actor": event.actor.identity,
            "actor_name": event.actor.name or "",
            "actor_kind": event.actor.kind,
            "actor_role": event.actor.role,
            "action": event.action,
            "outcome": event.outcome,
            "region_code": event.region_code,
            "period_from": event.period_from,
            "period_to": event.period_to,
            "details": chain.canonical_json(dict(event.details)),
            "once_key": event.once_key,
            "prev_hash": last["entry_hash"] if last else chain.GENESIS,
        }
        entry["entry_hash"] = chain.entry_hash(entry)
        self._run(connection, "audit_insert", **entry)
        # Each link also goes to the log (at INFO), for a deployment that keeps its logs elsewhere.
        log.info(
            "audit %d %s %s by %s: %s",
            entry["entry_id"],
            event.action,
            event.outcome,
            entry["actor"],
            entry["entry_hash"],
        )
        return entry["entry_id"]

    def entries(
        self,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
    ) -> list[dict[str, Any]]:
        """Entries newest first, filtered by time (since inclusive, until exclusive), person and action."""

        def utc(moment: dt.datetime | None) -> str | None:
            return None if moment is None else moment.astimezone(dt.UTC).isoformat(timespec="seconds")

        rows = self._all("audit_entries", since=utc(since), until=utc(until), actor=actor, action=action)
        return [dict(row) for row in rows]

    def actors(self) -> list[dict[str, Any]]:
        """Everyone named in the trail (identity, last name, number of entries)."""
        return [dict(row) for row in self._all("audit_actors")]

    def verify(self) -> chain.Verdict:
        """Walk the whole chain (a read: page views and writers go on meanwhile)."""
        with self._connection() as connection:
            cursor = self._run(connection, "audit_chain")
            return chain.verify(dict(row) for row in cursor)
