"""The process-wide cache the pages share (enforcement.ui.shared_cache): one computation per key, across sessions."""

from __future__ import annotations

import threading
import time

import pytest

from enforcement.ui import frame
from enforcement.ui.shared_cache import shared


def counted(max_entries: int = 10, ttl_seconds: float = 3600):
    calls: list[tuple] = []

    @shared(max_entries, ttl_seconds, key=lambda name, extra=None: name)
    def compute(name: str, extra: object = None) -> str:
        calls.append((name, extra))
        return f"value of {name}"

    return compute, calls


def test_a_key_is_computed_once_and_arguments_outside_the_key_do_not_split_it():
    compute, calls = counted()
    assert compute("a", extra=1) == compute("a", extra=2) == "value of a"
    assert compute("b") == "value of b"
    assert calls == [("a", 1), ("b", None)]


def test_sessions_asking_at_once_wait_for_one_computation():
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    @shared(10, 3600, key=lambda name: name)
    def slow(name: str) -> str:
        calls.append(name)
        started.set()
        release.wait(10)
        return name.upper()

    results: list[str] = []
    first = threading.Thread(target=lambda: results.append(slow("x")))
    first.start()
    assert started.wait(10)
    others = [threading.Thread(target=lambda: results.append(slow("x"))) for _ in range(5)]
    for thread in others:
        thread.start()
    time.sleep(0.2)  # the others are now waiting on the pending key, not computing it
    assert calls == ["x"]
    release.set()
    for thread in [first, *others]:
        thread.join(10)
    assert results == ["X"] * 6 and calls == ["x"]


def test_a_failure_is_not_kept():
    attempts: list[int] = []

    @shared(10, 3600, key=lambda name: name)
    def flaky(name: str) -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("database busy")
        return "ok"

    with pytest.raises(RuntimeError):
        flaky("a")
    assert flaky("a") == "ok" and flaky("a") == "ok" and len(attempts) == 2


def test_entries_are_bounded_least_recently_used_first_and_expire():
    compute, calls = counted(max_entries=2)
    compute("a"), compute("b"), compute("a"), compute("c")  # b is the least recently used: dropped for c
    compute("a")
    compute("b")
    assert [name for name, _ in calls] == ["a", "b", "c", "b"]
    expiring, expiring_calls = counted(ttl_seconds=0.2)
    expiring("a")
    expiring("a")
    time.sleep(0.4)
    expiring("a")
    assert len(expiring_calls) == 2
    compute.cache_clear()
    compute("a")
    assert len(calls) == 5


def test_the_pages_caches_key_on_the_database_version_and_the_viewers_scope(tmp_path):
    """Two database versions, or two scopes, never share an entry; the query function passed along is not a key."""
    built: list[tuple] = []

    def builder(query, *args):
        built.append(args)
        return object()

    frame._cached_build.cache_clear()
    first = frame._cached_build("v1.duckdb", "b", ("320000",), builder, lambda: 1)
    assert frame._cached_build("v1.duckdb", "b", ("320000",), builder, lambda: 2) is first
    assert frame._cached_build("v2.duckdb", "b", ("320000",), builder, lambda: 1) is not first
    assert frame._cached_build("v1.duckdb", "b", ("320000",), builder, lambda: 1, "320100") is not first
    assert len(built) == 3
    frame._cached_build.cache_clear()
