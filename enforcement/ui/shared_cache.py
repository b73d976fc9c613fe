"""Results kept once per server process and shared by every session: bounded, expiring, computed once.

Streamlit's st.cache_resource hashes every argument through its own hasher on each call (inspecting the function's
signature and walking each value), which was a quarter to a third of the server's CPU for a page seen before: 20 to
40 lookups a view. The keys here are tuples of strings, numbers and frozen dataclasses, so Python's own hash does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import cachetools

Function = TypeVar("Function", bound=Callable[..., Any])


def shared(max_entries: int, ttl_seconds: float, key: Callable[..., Hashable]) -> Callable[[Function], Function]:
    """Memoise a function for every session of the process: at most max_entries results (least recently used go
    first), each for ttl_seconds; key(*args) names a result (arguments it leaves out are not part of it). When
    several sessions ask for the same key at once, one computes it and the others wait for its result
    (cachetools' condition); an exception is not kept. The wrapper's cache_clear() empties it."""
    condition = threading.Condition()
    return cachetools.cached(
        cachetools.TTLCache(max_entries, ttl_seconds), key=key, lock=condition, condition=condition
    )
