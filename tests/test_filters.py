"""Filters from and to the URL: defaults, round trip, and bad input falling back with a notice."""

from __future__ import annotations

import datetime as dt

import pytest

from enforcement.rules.filters import NATION_CODE, Choices, default_filters, default_since, parse_query

CHOICES = Choices(
    region_codes=frozenset({"320000", "371100", "371102", "371102001"}),
    plan_ids=frozenset({"jiangsu", "rizhao"}),
    task_areas=frozenset({"工作目标"}),
    domain_codes=frozenset({"market"}),
    data_as_of=dt.date(2025, 12, 31),
)


def test_empty_query_gives_defaults():
    result = parse_query({}, CHOICES)
    assert result.notices == []
    assert result.filters == default_filters(CHOICES)
    assert result.filters.region == NATION_CODE and result.filters.as_of == dt.date(2025, 12, 31)
    assert result.filters.since == dt.date(2025, 11, 30)


def test_round_trip():
    params = {
        "region": "371102",
        "as_of": "2024-10-31",
        "since": "2024-09-01",
        "from": "2024-01",
        "to": "2024-10",
        "plan": "rizhao",
        "area": "工作目标",
        "domain": "market",
        "lang": "en",
    }
    filters = parse_query(params, CHOICES).filters
    assert filters.to_query(CHOICES) == params
    assert parse_query(filters.to_query(CHOICES), CHOICES).filters == filters


def test_defaults_are_left_out_of_the_url():
    assert default_filters(CHOICES).to_query(CHOICES) == {}


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"region": "999999"}, "notice_unknown"),
        ({"region": "320000' or 1=1 --"}, "notice_unknown"),
        ({"region": "3" * 5000}, "notice_unknown"),
        ({"as_of": "2024-02-30"}, "notice_bad_date"),
        ({"as_of": "yesterday"}, "notice_bad_date"),
        ({"as_of": "2030-01-01"}, "notice_out_of_range"),
        ({"from": "2024-13"}, "notice_bad_date"),
        # every date and month parameter is checked the same way: its form, then the data's range
        ({"since": "2024-02-30"}, "notice_bad_date"),
        ({"since": "2019-06-30"}, "notice_out_of_range"),
        ({"to": "2030-01"}, "notice_out_of_range"),
        ({"from": "2019-01"}, "notice_out_of_range"),
        ({"to": "2025-12-31"}, "notice_bad_date"),
        ({"plan": "<script>"}, "notice_unknown"),
        ({"lang": "fr"}, "notice_unknown"),
        ({"since": "2025-12-30", "as_of": "2025-06-30"}, "notice_since_after_as_of"),
        ({"from": "2025-06", "to": "2024-01"}, "notice_period_reversed"),
    ],
)
def test_bad_values_fall_back_with_a_notice(params, reason):
    result = parse_query(params, CHOICES)
    assert [n.reason for n in result.notices] == [reason]
    assert all(len(n.value) <= 64 for n in result.notices)


def test_leap_day_is_a_valid_date():
    assert parse_query({"as_of": "2024-02-29"}, CHOICES).filters.as_of == dt.date(2024, 2, 29)


def test_statistics_stop_at_the_as_of_month():
    filters = parse_query({"as_of": "2024-10-31"}, CHOICES).filters
    assert filters.effective_to == dt.date(2024, 10, 1)


@pytest.mark.parametrize(
    ("as_of", "since"),
    [
        ("2024-06-30", "2024-05-31"),  # a month's end: the previous month's end
        ("2024-03-31", "2024-02-29"),
        ("2025-03-31", "2025-02-28"),
        ("2024-01-31", "2023-12-31"),
        ("2024-07-15", "2024-06-15"),  # any other day: the same day a month earlier
        ("2024-03-30", "2024-02-29"),  # clamped to the shorter month's end
        ("2024-02-29", "2024-01-31"),
    ],
)
def test_changed_since_defaults_to_a_month_earlier(as_of, since):
    assert default_since(dt.date.fromisoformat(as_of)) == dt.date.fromisoformat(since)
