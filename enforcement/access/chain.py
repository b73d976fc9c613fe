"""The audit trail's hash chain: each entry carries the SHA-256 of the previous entry's hash and its own content.

Changing, removing or reordering any entry breaks the link after it; ``verify`` walks the entries in order and
names the first broken link. Removing entries at the very end leaves a valid shorter chain: ``verify`` therefore
reports the count and the last hash, which an auditor can note and compare later (see docs/access.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GENESIS = "0" * 64
# The columns an entry's hash covers, in the stored form (details is the JSON text exactly as stored).
CONTENT_FIELDS = (
    "entry_id",
    "occurred_at",
    "actor",
    "actor_name",
    "actor_kind",
    "actor_role",
    "action",
    "outcome",
    "region_code",
    "period_from",
    "period_to",
    "details",
    "once_key",
    "prev_hash",
)


def canonical_json(value: object) -> str:
    """One spelling of a value: sorted keys, no spaces, Chinese as itself."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(entry: Mapping[str, object]) -> str:
    """sha256(previous hash + the entry's canonical content)."""
    content = canonical_json({name: entry.get(name) for name in CONTENT_FIELDS})
    return hashlib.sha256((str(entry.get("prev_hash")) + content).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verdict:
    """The outcome of walking the chain: ok, or the first broken entry and why."""

    entries: int  # entries that chain correctly, from the first
    head_hash: str  # the hash of the last of them
    broken_at: int | None = None  # the entry number where the chain breaks
    problem: str = ""  # missing (a number skipped), link (previous hash differs), content (changed after writing)
    found: object = None  # for missing: the number found instead

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(entries: Iterable[Mapping[str, object]]) -> Verdict:
    """Walk entries in entry_id order; stop at the first that does not follow from the one before."""
    previous, expected_id, count = GENESIS, 1, 0
    for entry in entries:
        entry_id = entry.get("entry_id")
        if entry_id != expected_id:
            return Verdict(count, previous, expected_id, "missing", entry_id)
        if entry.get("prev_hash") != previous:
            return Verdict(count, previous, entry_id, "link")
        if entry_hash(entry) != entry.get("entry_hash"):
            return Verdict(count, previous, entry_id, "content")
        previous, expected_id, count = str(entry["entry_hash"]), expected_id + 1, count + 1
    return Verdict(count, previous)
