"""The shared filters of every page, and their round trip through the URL query string.

The URL is the state: a page reads its filters from the query string, and every change writes them back,
so a copied link reproduces the view. Values a user can type into a URL are checked here; anything unknown
or impossible falls back to the default with a notice, never an exception.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

NATION_CODE = "000000"
LANGUAGES = ("zh", "en")
MAX_PARAM_LENGTH = 64
# The shared filters: each takes one value, so a link that gives one twice with different values is ambiguous.
SINGLE_VALUED = ("region", "as_of", "since", "from", "to", "plan", "area", "domain", "lang")
PLAN_START = dt.date(2023, 1, 1)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")


@dataclass(frozen=True)
class Choices:
    """What the database allows: the valid values of each filter and the defaults."""

    region_codes: frozenset[str]
    plan_ids: frozenset[str]
    task_areas: frozenset[str]
    domain_codes: frozenset[str]
    data_as_of: dt.date
    first_month: dt.date = PLAN_START


def choices_from(rows: Mapping[str, frozenset[str]], data_as_of: str) -> Choices:
    """Choices from the filter_choices query's values by kind (region, plan, area, domain) and the data's last day."""
    return Choices(
        region_codes=rows.get("region", frozenset()),
        plan_ids=rows.get("plan", frozenset()),
        task_areas=rows.get("area", frozenset()),
        domain_codes=rows.get("domain", frozenset()),
        data_as_of=dt.date.fromisoformat(data_as_of),
    )


@dataclass(frozen=True)
class Filters:
    region: str
    as_of: dt.date
    since: dt.date
    period_from: dt.date  # first day of the first month
    period_to: dt.date  # first day of the last month
    plan: str | None = None
    area: str | None = None
    domain: str | None = None
    lang: str = "zh"

    @property
    def effective_to(self) -> dt.date:
        """Last month whose statistics count: the period's end, but never after the as-of date."""
        return min(self.period_to, self.as_of.replace(day=1))

    def to_query(self, choices: Choices) -> dict[str, str]:
        """Query-string parameters for this view; values equal to the default are left out."""
        default = default_filters(choices, self.lang)
        params = {
            "region": self.region if self.region != default.region else None,
            "as_of": self.as_of.isoformat() if self.as_of != default.as_of else None,
            "since": self.since.isoformat() if self.since != default_since(self.as_of) else None,
            "from": self.period_from.strftime("%Y-%m") if self.period_from != default.period_from else None,
            "to": self.period_to.strftime("%Y-%m") if self.period_to != default.period_to else None,
            "plan": self.plan,
            "area": self.area,
            "domain": self.domain,
            "lang": self.lang if self.lang != "zh" else None,
        }
        return {key: value for key, value in params.items() if value is not None}

    def with_changes(self, **changes) -> Filters:
        return replace(self, **changes)


@dataclass(frozen=True)
class Notice:
    """A URL parameter that was ignored, and why (shown to the user)."""

    parameter: str
    value: str
    reason: str  # i18n key: notice_unknown, notice_bad_date, notice_repeated, …
    count: int = 1  # how many times the parameter was given (notice_repeated)


@dataclass
class ParseResult:
    filters: Filters
    notices: list[Notice] = field(default_factory=list)


def default_since(as_of: dt.date) -> dt.date:
    """The default 'changed since' date: the same day one month earlier (clamped to that month's end); a month's end
    goes to the previous month's end (30 June to 31 May, not 30 May)."""
    previous_month_end = as_of.replace(day=1) - dt.timedelta(days=1)
    if (as_of + dt.timedelta(days=1)).day == 1:
        return previous_month_end
    return previous_month_end.replace(day=min(as_of.day, previous_month_end.day))


def default_filters(choices: Choices, lang: str = "zh") -> Filters:
    return Filters(
        region=NATION_CODE,
        as_of=choices.data_as_of,
        since=default_since(choices.data_as_of),
        period_from=choices.first_month,
        period_to=choices.data_as_of.replace(day=1),
        lang=lang,
    )


def _single(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        value = value[-1] if value else None
    return value


def _parse_date(text: str) -> dt.date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _parse_month(text: str) -> dt.date | None:
    if not _MONTH.fullmatch(text):
        return None
    try:
        return dt.date(int(text[:4]), int(text[5:7]), 1)
    except ValueError:
        return None


def _repeated(params: Mapping[str, str | list[str]]) -> dict[str, list[str]]:
    """Single-valued filters given more than once with different values (?region=a&region=b)."""
    return {
        key: value
        for key, value in params.items()
        if key in SINGLE_VALUED and isinstance(value, list) and len(set(value)) > 1
    }


def parse_query(params: Mapping[str, str | list[str]], choices: Choices) -> ParseResult:
    """Filters from a query string; unknown, impossible or repeated values fall back to defaults with a notice."""
    repeated = _repeated(params)
    raw = {key: _single(value) for key, value in params.items() if key not in repeated}
    lang = raw.get("lang") if raw.get("lang") in LANGUAGES else "zh"
    result = ParseResult(default_filters(choices, lang))
    for key, values in repeated.items():
        shown = "、".join(value[:MAX_PARAM_LENGTH] for value in values[:5])
        result.notices.append(Notice(key, shown, "notice_repeated", count=len(values)))
    if raw.get("lang") not in (None, *LANGUAGES):
        result.notices.append(Notice("lang", raw["lang"][:MAX_PARAM_LENGTH], "notice_unknown"))
    changes: dict[str, object] = {}

    def reject(name: str, value: str, reason: str) -> None:
        result.notices.append(Notice(name, value[:MAX_PARAM_LENGTH], reason))

    def accept(name: str, key: str, allowed: frozenset[str]) -> None:
        value = raw.get(name)
        if value is None or value == "":
            return
        if len(value) > MAX_PARAM_LENGTH or value not in allowed:
            reject(name, value, "notice_unknown")
        else:
            changes[key] = value

    accept("region", "region", choices.region_codes | {NATION_CODE})
    accept("plan", "plan", choices.plan_ids)
    accept("area", "area", choices.task_areas)
    accept("domain", "domain", choices.domain_codes)

    # Days may run to the data's as-of date; months (the period) to its month.
    lowest, highest = choices.first_month, choices.data_as_of
    for name, key, parse, latest in (
        ("as_of", "as_of", _parse_date, max(highest, lowest)),
        ("since", "since", _parse_date, max(highest, lowest)),
        ("from", "period_from", _parse_month, highest.replace(day=1)),
        ("to", "period_to", _parse_month, highest.replace(day=1)),
    ):
        value = raw.get(name)
        if not value:
            continue
        parsed = parse(value) if len(value) <= MAX_PARAM_LENGTH else None
        if parsed is None:
            reject(name, value, "notice_bad_date")
        elif not lowest <= parsed <= latest:
            reject(name, value, "notice_out_of_range")
        else:
            changes[key] = parsed

    filters = replace(result.filters, **changes)
    if "as_of" in changes and "since" not in changes:
        filters = replace(filters, since=default_since(filters.as_of))
    if filters.since > filters.as_of:
        reject("since", filters.since.isoformat(), "notice_since_after_as_of")
        filters = replace(filters, since=default_since(filters.as_of))
    if filters.period_from > filters.period_to:
        reject("from", filters.period_from.strftime("%Y-%m"), "notice_period_reversed")
        filters = replace(filters, period_from=result.filters.period_from, period_to=result.filters.period_to)
    result.filters = filters
    return result
