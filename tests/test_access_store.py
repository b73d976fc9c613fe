"""The access store: accounts, the append-only hash-chained audit trail, and writers that act at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from enforcement.access import chain
from enforcement.access.accounts import AccountError, Actor
from enforcement.access.store import QUERIES_DIR, AccessStore, StoreError, store_path
from enforcement.access.trail import Event

CLI = Actor("os:tester", "tester", "cli")
ALICE = Actor("u-alice", "Alice", "oidc", "analyst")


@pytest.fixture()
def access(tmp_path: Path) -> AccessStore:
    return AccessStore(tmp_path / "enforcement.access.sqlite")


def _raw(access: AccessStore) -> sqlite3.Connection:
    return sqlite3.connect(access.path, isolation_level=None)


def test_every_access_query_file_has_a_header():
    files = sorted(QUERIES_DIR.glob("*.sql"))
    assert len(files) > 10
    assert all(path.read_text(encoding="utf-8").startswith("--") for path in files)


def test_the_store_lives_beside_the_database_unless_named(tmp_path, monkeypatch):
    monkeypatch.delenv("ENFORCEMENT_ACCESS_DB", raising=False)
    assert store_path(tmp_path / "x" / "enforcement.duckdb") == tmp_path / "x" / "enforcement.access.sqlite"
    monkeypatch.setenv("ENFORCEMENT_ACCESS_DB", str(tmp_path / "elsewhere.sqlite"))
    assert store_path(tmp_path / "x" / "enforcement.duckdb") == tmp_path / "elsewhere.sqlite"


def test_accounts_are_added_found_changed_and_each_change_is_recorded(access):
    added = access.add_account("Alice@Example.CN", "viewer", "320100", CLI, "Alice")
    assert added.identity == "alice@example.cn" and added.role == "viewer" and added.is_enabled
    # Signed in: by sub first, else by e-mail (any case).
    assert access.account_of("u-unknown", "ALICE@example.cn").identity == "alice@example.cn"
    access.add_account("u-alice", "clerk", "320102", CLI)
    assert access.account_of("u-alice", "alice@example.cn").identity == "u-alice"
    assert access.account_of("nobody", None) is None and access.account_of(None, None) is None

    before, after = access.change_account("alice@example.cn", CLI, role="analyst", enabled=False)
    assert (before.role, before.is_enabled, after.role, after.is_enabled) == ("viewer", True, "analyst", False)
    assert access.change_account("alice@example.cn", CLI, role="analyst") == (after, after)  # nothing to change
    actions = [(e["action"], e["actor"], e["region_code"]) for e in reversed(access.entries())]
    assert actions == [
        ("account_add", "os:tester", "320100"),
        ("account_add", "os:tester", "320102"),
        ("account_change", "os:tester", "320100"),
    ]
    assert '"is_enabled":{"from":true,"to":false}' in access.entries()[0]["details"]


@pytest.mark.parametrize(
    ("identity", "role", "region"),
    [("", "viewer", "320100"), ("a b", "viewer", "320100"), ("x", "boss", "320100"), ("x", "viewer", "3201")],
)
def test_bad_accounts_are_refused_and_change_nothing(access, identity, role, region):
    with pytest.raises(AccountError):
        access.add_account(identity, role, region, CLI)
    assert access.accounts() == [] and access.entries() == []


def test_an_account_is_added_once(access):
    access.add_account("u-1", "viewer", "320100", CLI)
    with pytest.raises(AccountError, match="已存在"):
        access.add_account("u-1", "admin", "000000", CLI)
    assert access.account("u-1").role == "viewer" and len(access.entries()) == 1


def test_each_entry_carries_the_hash_of_the_one_before(access):
    for n in range(3):
        access.record(Event("export", ALICE, region_code="320100", details={"rows": n}))
    entries = list(reversed(access.entries()))
    assert [e["entry_id"] for e in entries] == [1, 2, 3]
    assert entries[0]["prev_hash"] == chain.GENESIS
    assert [e["prev_hash"] for e in entries[1:]] == [e["entry_hash"] for e in entries[:-1]]
    assert all(chain.entry_hash(e) == e["entry_hash"] for e in entries)
    verdict = access.verify()
    assert verdict.ok and verdict.entries == 3 and verdict.head_hash == entries[-1]["entry_hash"]


def test_once_only_events_are_recorded_once(access):
    event = Event("signin", ALICE, once_key="signin:u-alice:1700000000")
    assert access.record(event) == 1
    assert access.record(event) is None
    assert len(access.entries()) == 1


def test_the_trail_refuses_updates_deletes_and_out_of_order_entries(access):
    access.record(Event("export", ALICE))
    access.record(Event("export", ALICE))
    with _raw(access) as raw:
        for statement in ("update audit_log set actor = 'someone else'", "delete from audit_log where entry_id = 2"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                raw.execute(statement)
        entry = dict(
            zip(
                [c[0] for c in raw.execute("select * from audit_log").description],
                raw.execute("select * from audit_log where entry_id = 2").fetchone(),
                strict=True,
            )
        )
        entry.update(entry_id=5, entry_hash="f" * 64)  # a gap in the numbers
        with pytest.raises(sqlite3.IntegrityError, match="in order"):
            raw.execute(f"insert into audit_log values ({', '.join('?' * len(entry))})", list(entry.values()))
    assert access.verify().ok


def _tamper(access: AccessStore, statement: str) -> None:
    """Change the trail behind the app's back: drop the triggers that refuse it, change it, put them back."""
    with _raw(access) as raw:
        raw.execute("drop trigger audit_log_no_update")
        raw.execute("drop trigger audit_log_no_delete")
        raw.execute(statement)
    with _raw(access) as raw:
        raw.execute("pragma user_version = 0")  # the store re-applies its schema, triggers included, on next use


def test_verify_names_the_first_changed_entry(access):
    for n in range(5):
        access.record(Event("export", ALICE, region_code="320100", details={"rows": n}))
    _tamper(access, "update audit_log set details = '{\"rows\":0}' where entry_id = 3")
    verdict = access.verify()
    assert not verdict.ok and verdict.broken_at == 3 and verdict.problem == "content" and verdict.entries == 2
    with pytest.raises(sqlite3.IntegrityError):  # the triggers are back
        _raw(access).execute("update audit_log set actor = 'x'")


def test_verify_names_a_removed_entry_and_a_rewritten_link(access):
    for _ in range(4):
        access.record(Event("signout", ALICE))
    _tamper(access, "delete from audit_log where entry_id = 2")
    verdict = access.verify()
    assert (verdict.broken_at, verdict.problem, verdict.found) == (2, "missing", 3)


def test_verify_names_a_link_whose_content_was_rehashed(access):
    for _ in range(3):
        access.record(Event("signout", ALICE))
    # Change entry 2 and give it a matching hash: entry 3 still names the old hash.
    entry = next(e for e in access.entries() if e["entry_id"] == 2)
    entry["actor"] = "u-mallory"
    _tamper(
        access, f"update audit_log set actor = 'u-mallory', entry_hash = '{chain.entry_hash(entry)}' where entry_id = 2"
    )
    verdict = access.verify()
    assert (verdict.broken_at, verdict.problem) == (3, "link")


def _append_many(path: str, who: str, n: int) -> None:
    store = AccessStore(path)
    for i in range(n):
        store.record(Event("export", Actor(who, who, "oidc", "analyst"), details={"n": i}))


def test_writers_acting_at_once_are_all_recorded_in_one_chain(access):
    access.record(Event("signin", ALICE))  # creates the file before the writers race
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(access.path), f"u-{w}", 40)) for w in range(3)]
    threads = [threading.Thread(target=_append_many, args=(str(access.path), f"t-{w}", 20)) for w in range(2)]
    for worker in [*workers, *threads]:
        worker.start()
    for worker in [*workers, *threads]:
        worker.join(timeout=120)
    assert all(worker.exitcode == 0 for worker in workers)
    entries = access.entries()
    assert len(entries) == 1 + 3 * 40 + 2 * 20
    assert sorted(e["entry_id"] for e in entries) == list(range(1, len(entries) + 1))
    assert access.verify().ok


def test_a_page_view_does_not_wait_for_a_writer(access):
    access.add_account("u-alice", "viewer", "320100", CLI)
    with _raw(access) as writer:
        writer.execute("begin immediate")  # a writer in the middle of its transaction
        writer.execute("insert into accounts values ('u-new', '', 'viewer', '320100', 1, 'x', 'x', 'x', 'x')")
        started = time.perf_counter()
        account = access.account_of("u-alice", None)
        seconds = time.perf_counter() - started
        writer.execute("rollback")
    assert account.identity == "u-alice" and seconds < 1.0


def test_an_unusable_store_fails_loudly(tmp_path):
    (tmp_path / "not-a-db.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not-a-db.sqlite"):
        AccessStore(tmp_path / "not-a-db.sqlite").accounts()
