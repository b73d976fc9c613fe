"""The stored judgement by agency and by domain (indicators_by_agency_stored, indicators_by_domain_stored) and the
treemap's tiles read from the stored judgement by child say what the live queries say, for every region they hold,
month and as-of date, and stay so after an import; where they do not answer (a county, another month, a chosen plan
or domain, other indicators) the read is empty and the pages judge live."""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enforcement.content import cases, indicators, training
from enforcement.storage import rollups
from enforcement.storage.runner import QueryRunner
from tests.query_spy import QuerySpy

# Each split as the pages ask it: the live query's name, the page's indicators and its own parameters.
SPLITS = {
    "indicators_by_agency": (training.RANKABLE, {"domain_code": None}),
    "indicators_by_domain": (cases.RANKABLE, {}),
}
# Issue dates of the plans in the sample (plans.csv): as-of dates around them turn their targets due.
AROUND_ISSUES = [dt.date(2023, 11, 17), dt.date(2023, 11, 18), dt.date(2023, 11, 27), dt.date(2024, 4, 18)]


def params(runner: QueryRunner, split: str, region: str, month: dt.date, as_of: dt.date, **changed) -> dict:
    keys, extra = SPLITS[split]
    asked = indicators.indicator_params(runner.run, keys)
    return {"region_code": region, "month": month, "as_of": as_of, "plan_id": None, **extra, **asked, **changed}


def live_and_stored(runner: QueryRunner, split: str, **asked) -> tuple[pd.DataFrame, pd.DataFrame]:
    return runner.run(split, **asked), runner.run(f"{split}_stored", **asked)


@pytest.fixture(scope="module")
def regions_stored(runner) -> list[str]:
    return sorted(indicators.stored_regions(runner.run))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    split=st.sampled_from(sorted(SPLITS)),
    pick=st.integers(0, 10_000),
    month=st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 1)).map(lambda d: d.replace(day=1)),
    day=st.integers(1, 31),
    keys=st.integers(1, 7),
)
def test_the_stored_judgement_by_agency_and_domain_equals_the_live_query(
    runner, regions_stored, split, pick, month, day, keys
):
    region = regions_stored[pick % len(regions_stored)]
    as_of = month.replace(day=min(day, calendar.monthrange(month.year, month.month)[1]))
    chosen = list(SPLITS[split][0][:keys])  # the page's indicators, or the first few of them (same sources)
    asked = params(runner, split, region, month, as_of, indicator_keys=chosen)
    expected, read = live_and_stored(runner, split, **asked)
    assert not expected.empty
    assert set(expected["indicator_key"]) == set(chosen)
    pd.testing.assert_frame_equal(read, expected, check_dtype=False)


@pytest.mark.parametrize("as_of", AROUND_ISSUES)
@pytest.mark.parametrize("split", sorted(SPLITS))
def test_a_target_of_a_plan_issued_after_the_as_of_date_is_not_due_in_the_stored_read(runner, split, as_of):
    month = as_of.replace(day=1)
    for region in ("000000", "130000", "320000", "371100"):
        expected, read = live_and_stored(runner, split, **params(runner, split, region, month, as_of))
        pd.testing.assert_frame_equal(read, expected, check_dtype=False)
        # the as-of date matters: a day after the month's end judges at least as many targets due
        later = runner.run(f"{split}_stored", **params(runner, split, region, month, dt.date(2026, 1, 1)))
        assert read["is_target_due"].sum() <= later["is_target_due"].sum()


def test_the_stored_judgement_sums_the_fact_tables(con, runner):
    """One figure computed from the fact tables alone: 江苏's public-law training hours of one agency, the year to
    September 2024, and its lost lawsuits of one domain."""
    month, as_of = dt.date(2024, 9, 1), dt.date(2024, 9, 30)
    agency, domain = con.execute(
        "select (select min(agency_code) from agencies), (select min(domain_code) from domains)"
    ).fetchone()
    hours = con.execute(
        "select sum(public_law_hours) from training_stats where region_code like '32%' and agency_code = ? "
        "and period_month between date '2024-01-01' and date '2024-09-01'",
        [agency],
    ).fetchone()[0]
    lost, lawsuits = con.execute(
        "select sum(lawsuits_lost), sum(lawsuits) from case_stats where region_code like '32%' and domain_code = ? "
        "and period_month between date '2024-01-01' and date '2024-09-01'",
        [domain],
    ).fetchone()
    by_agency = runner.run(
        "indicators_by_agency_stored", **params(runner, "indicators_by_agency", "320000", month, as_of)
    )
    mine = by_agency[(by_agency["agency_code"] == agency) & (by_agency["indicator_key"] == "training_hours_public_law")]
    assert mine["public_law_hours"].item() == pytest.approx(hours)
    by_domain = runner.run(
        "indicators_by_domain_stored", **params(runner, "indicators_by_domain", "320000", month, as_of)
    )
    mine = by_domain[(by_domain["domain_code"] == domain) & (by_domain["indicator_key"] == "litigation_loss_rate")]
    assert (mine["lawsuits_lost"].item(), mine["lawsuits"].item()) == (lost, lawsuits)
    assert mine["value"].item() == pytest.approx(100 * lost / lawsuits)


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_the_stored_read_answers_nothing_it_does_not_hold(runner, split):
    month, as_of = dt.date(2024, 6, 1), dt.date(2024, 6, 30)
    keys = SPLITS[split][0]
    not_held = [
        params(runner, split, "440106", month, as_of),  # a county
        params(runner, split, "440106001", month, as_of),  # a township
        params(runner, split, "440000", dt.date(2026, 6, 1), dt.date(2026, 6, 30)),  # after the data
        params(runner, split, "440000", month, as_of, plan_id="guangdong"),  # a chosen plan
        params(runner, split, "440000", month, as_of, sources=["capacity", "cases", "training"]),  # other sources
        params(runner, split, "440000", month, as_of, indicator_keys=[*keys, "satisfaction_rate"]),  # one not held
    ]
    if split == "indicators_by_agency":
        not_held.append(params(runner, split, "440000", month, as_of, domain_code="public_security"))
    for asked in not_held:
        assert runner.run(f"{split}_stored", **asked).empty, asked
    # what it holds, it answers
    assert not runner.run(f"{split}_stored", **params(runner, split, "440000", month, as_of)).empty


def test_the_pages_read_the_stored_judgement_by_agency_and_domain_and_judge_live_elsewhere(runner):
    query = QuerySpy(runner)
    asked = query.asked

    filters = {"month": dt.date(2024, 9, 1), "as_of": dt.date(2024, 9, 30)}
    for split in SPLITS:
        at_city = indicators.split_at(query, split, **params(runner, split, "320100", **filters))
        pd.testing.assert_frame_equal(
            at_city, runner.run(split, **params(runner, split, "320100", **filters)), check_dtype=False
        )
        indicators.split_at(query, split, **params(runner, split, "320102", **filters))  # a county
        indicators.split_at(query, split, **params(runner, split, "320100", **filters, plan_id="jiangsu"))
        assert asked == [
            (f"{split}_stored", "320100"),
            (split, "320102"),
            (f"{split}_stored", "320100"),
            (split, "320100"),
        ]
        asked.clear()


def test_an_import_restores_the_stored_judgement_by_agency_and_domain_of_the_nation_and_that_province(
    writable_copy,
):
    runner = QueryRunner(writable_copy)
    month, as_of = dt.date(2024, 3, 1), dt.date(2024, 3, 31)

    def read(split: str, region: str) -> pd.DataFrame:
        return runner.run(f"{split}_stored", **params(runner, split, region, month, as_of))

    untouched = {split: read(split, "130000") for split in SPLITS}
    before = read("indicators_by_agency", "320000")
    counts = [writable_copy.execute(f"select count(*) from {split}_stored").fetchone()[0] for split in SPLITS]
    # more public-law hours and lost lawsuits at 江苏's townships: the province's, its city's and the nation's change
    writable_copy.execute(
        "update training_stats set public_law_hours = public_law_hours + 1000 "
        "where region_code like '320102%' and period_month between date '2024-01-01' and date '2024-03-01'"
    )
    writable_copy.execute(
        "update case_stats set lawsuits_lost = lawsuits "
        "where region_code like '320102%' and period_month between date '2024-01-01' and date '2024-03-01'"
    )
    assert rollups.refresh(runner, ["320102002"], sources=["cases", "training"]) == ["32"]
    after = read("indicators_by_agency", "320000")
    total = after["is_total"]
    assert (after.loc[total, "public_law_hours"] > before.loc[total, "public_law_hours"]).all()
    for split in SPLITS:
        for region in ("000000", "320000", "320100", "130000"):
            asked = params(runner, split, region, month, as_of)
            pd.testing.assert_frame_equal(
                runner.run(f"{split}_stored", **asked), runner.run(split, **asked), check_dtype=False
            )
        pd.testing.assert_frame_equal(read(split, "130000"), untouched[split])
    assert [writable_copy.execute(f"select count(*) from {split}_stored").fetchone()[0] for split in SPLITS] == counts


# ----------------------------------------------------------------------------------------------- the treemap's tiles


def tiles_live(runner: QueryRunner, region: str, month: dt.date, key: str, domain: str | None = None) -> pd.DataFrame:
    sources = list(runner.run("indicator_catalog").set_index("indicator_key").loc[key, "sources"])
    return runner.run(
        "subtree_indicator_tiles",
        region_code=region,
        month=month,
        domain_code=domain,
        indicator_key=key,
        sources=sources,
    )


def tiles_stored(runner: QueryRunner, region: str, month: dt.date, key: str, domain: str | None = None):
    return runner.run(
        "subtree_indicator_tiles_stored", region_code=region, month=month, domain_code=domain, indicator_key=key
    )


STATISTICS = sorted(
    ["legal_review_rate", "training_hours_total", "legal_reviewer_ratio", "satisfaction_rate", "certified_rate"]
    + list(cases.RANKABLE)
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pick=st.integers(0, 10_000),
    month=st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 1)).map(lambda d: d.replace(day=1)),
    key=st.sampled_from(STATISTICS),
)
def test_the_stored_tiles_of_the_nation_and_a_province_equal_the_live_query(runner, regions_stored, pick, month, key):
    roots = [code for code in regions_stored if code == "000000" or code.endswith("0000")]
    region = roots[pick % len(roots)]
    expected = tiles_live(runner, region, month, key)
    assert not expected.empty  # every region of the two levels, with or without a value (case files: quarter ends)
    pd.testing.assert_frame_equal(tiles_stored(runner, region, month, key), expected, check_dtype=False)


def test_the_stored_tiles_answer_nothing_they_do_not_hold(runner):
    month = dt.date(2024, 6, 1)
    assert not tiles_stored(runner, "320000", month, "legal_review_rate").empty
    assert tiles_stored(runner, "320100", month, "legal_review_rate").empty  # a city: its counties are not stored
    assert tiles_stored(runner, "320102", month, "legal_review_rate").empty  # a county
    assert tiles_stored(runner, "320000", dt.date(2026, 6, 1), "legal_review_rate").empty  # after the data
    assert tiles_stored(runner, "320000", month, "legal_review_rate", domain="market").empty  # a chosen domain


def test_the_regions_page_reads_the_tiles_stored_where_they_are_and_sums_them_live_elsewhere(runner):
    from enforcement.content import drilldown

    query = QuerySpy(runner)
    asked = query.asked

    info = drilldown.indicator("legal_review_rate", runner.run("indicator_catalog"))
    month = dt.date(2025, 12, 1)
    at_province = drilldown.subtree_tiles(query, "320000", month, None, info)
    pd.testing.assert_frame_equal(at_province, tiles_live(runner, "320000", month, info.key), check_dtype=False)
    drilldown.subtree_tiles(query, "320100", month, None, info)  # a city: stored, but not its counties' children
    drilldown.subtree_tiles(query, "320000", month, "market", info)
    assert asked == [
        ("subtree_indicator_tiles_stored", "320000"),
        ("subtree_indicator_tiles_stored", "320100"),
        ("subtree_indicator_tiles", "320100"),
        ("subtree_indicator_tiles", "320000"),
    ]
    # one figure independently: 江苏's tile is the ratio of its reviewed to its major decisions in 2025
    reviewed, decisions = runner.connection.execute(
        "select sum(major_decisions_reviewed), sum(major_decisions) from case_stats "
        "where region_code like '32%' and period_month between date '2025-01-01' and date '2025-12-01'"
    ).fetchone()
    province = at_province.set_index("region_code").loc["320000"]
    assert province["value"] == pytest.approx(100 * reviewed / decisions)
