"""Audit events and how an auditor finds them: by time, person, action, region and the months of the figures.

"Who changed 南京市's 2024 figures, and who downloaded them" is a filter on region 320100 and period 2024: imports
whose rows lie in 南京's subtree and months in 2024, and exports whose region holds 南京 (江苏省, 全国) or lies
inside it, over a period that meets 2024.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from enforcement.access.accounts import Actor
from enforcement.access.scope import within

ACTIONS = (
    "signin",  # ok, or refused (no account, disabled)
    "signout",
    "link_out_of_scope",  # a region outside the account's subtree was asked for (URL, link, drill-down)
    "page_forbidden",  # a page the role may not open
    "import",  # ok, unchanged, refused (problems, rows outside the scope), failed
    "export",  # a dataset (export page, command line) or a table's numbers
    "account_add",
    "account_change",
    "rebuild",  # the app rebuilt an old sample database
    "build",  # python -m enforcement build
    "audit_export",  # the trail itself, as CSV
)
OUTCOMES = ("ok", "refused", "failed", "unchanged")
_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Event:
    """One thing to record. period_from/period_to: the months (YYYY-MM) of the figures it wrote or read."""

    action: str
    actor: Actor
    outcome: str = "ok"
    region_code: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    once_key: str | None = None  # recorded at most once (a sign-in per token)

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown audit action: {self.action}")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown audit outcome: {self.outcome}")
        for month in (self.period_from, self.period_to):
            if month is not None and not _MONTH.fullmatch(month):
                raise ValueError(f"period months are YYYY-MM: {month!r}")


def month_text(day: dt.date | None) -> str | None:
    return None if day is None else f"{day:%Y-%m}"


# ----------------------------------------------------------------------------------------------- finding entries


@dataclass(frozen=True)
class Period:
    """Months of figures, first and last (YYYY-MM), for 'the 2024 figures'."""

    first: str
    last: str

    @staticmethod
    def parse(text: str) -> Period:
        """2024, 2024-03 or 2024-01:2024-06."""
        text = text.strip()
        if re.fullmatch(r"\d{4}", text):
            return Period(f"{text}-01", f"{text}-12")
        if _MONTH.fullmatch(text):
            return Period(text, text)
        first, _, last = text.partition(":")
        if _MONTH.fullmatch(first) and _MONTH.fullmatch(last) and first <= last:
            return Period(first, last)
        raise ValueError(f"数据期间应写成 2024、2024-03 或 2024-01:2024-06: {text!r}")

    def meets(self, first: str | None, last: str | None) -> bool:
        if first is None and last is None:
            return False
        return (first or last) <= self.last and (last or first) >= self.first


def entry_regions(entry: Mapping[str, Any]) -> list[str]:
    """The regions an entry concerns: an import's rows' regions, else its one region."""
    details = details_of(entry)
    regions = details.get("regions")
    if isinstance(regions, list) and regions:
        return [str(code) for code in regions]
    return [entry["region_code"]] if entry.get("region_code") else []


def touches(entry: Mapping[str, Any], region_code: str) -> bool:
    """Whether an entry concerns a region's figures: an import's rows inside its subtree; any other entry's region
    inside the subtree or above it (an export of 江苏省 holds 南京市's figures)."""
    codes = entry_regions(entry)
    if entry.get("action") == "import":
        return any(within(code, region_code) for code in codes)
    return any(within(code, region_code) or within(region_code, code) for code in codes)


def details_of(entry: Mapping[str, Any]) -> dict[str, Any]:
    raw = entry.get("details")
    if isinstance(raw, Mapping):
        return dict(raw)
    try:
        value = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def select(
    entries: Iterable[Mapping[str, Any]],
    region_code: str | None = None,
    period: Period | None = None,
    visible_to: str | None = None,
) -> list[Mapping[str, Any]]:
    """Entries touching a region and meeting a period; visible_to: an admin's region (entries of its subtree only;
    an entry with no region only for the whole country's admins)."""
    chosen = []
    for entry in entries:
        if visible_to is not None and visible_to != "000000" and not touches(entry, visible_to):
            continue
        if region_code is not None and not touches(entry, region_code):
            continue
        if period is not None and not period.meets(entry.get("period_from"), entry.get("period_to")):
            continue
        chosen.append(entry)
    return chosen


TRAIL_COLUMNS = [
    "audit_entry_id",
    "occurred_at",
    "actor",
    "actor_name",
    "actor_role",
    "audit_action",
    "audit_outcome",
    "region_code",
    "audit_period",
    "audit_details",
    "entry_hash",
]


def local_time(utc_text: str) -> str:
    """A stored UTC time as this machine's local time, to the second."""
    try:
        moment = dt.datetime.fromisoformat(utc_text)
    except (TypeError, ValueError):
        return str(utc_text)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def trail_frame(entries: Iterable[Mapping[str, Any]], label: Any = None) -> pd.DataFrame:
    """Entries as a table (the admin page's and the CSV's): one row each; label(kind, code) names actions,
    outcomes and roles in the reader's language (codes as they are without it)."""
    name = label or (lambda kind, code: code)
    rows = []
    for entry in entries:
        first, last = entry.get("period_from"), entry.get("period_to")
        period = "" if not first else first if first == last else f"{first}—{last}"
        rows.append(
            {
                "audit_entry_id": entry["entry_id"],
                "occurred_at": local_time(entry["occurred_at"]),
                "actor": entry["actor"],
                "actor_name": entry.get("actor_name") or "",
                "actor_role": name("role", entry["actor_role"]) if entry.get("actor_role") else "",
                "audit_action": name("action", entry["action"]),
                "audit_outcome": name("outcome", entry["outcome"]),
                "region_code": entry.get("region_code") or "",
                "audit_period": period,
                "audit_details": entry.get("details") or "",
                "entry_hash": entry["entry_hash"],
            }
        )
    return pd.DataFrame(rows, columns=TRAIL_COLUMNS)
