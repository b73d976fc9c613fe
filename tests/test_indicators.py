"""Every quantitative target is computable from the statistics or explicitly tracked through milestones."""

from __future__ import annotations

import pytest

YEAR = {"month_from": "2025-01-01", "month_to": "2025-12-01", "domain_code": None}


def test_no_target_is_orphaned(con):
    orphans = con.execute(
        """
        select t.target_id from targets as t left join indicators as i using (indicator_key)
        where i.indicator_key is null or (i.computed_from = 'milestone' and t.milestone_id is null)
        """
    ).fetchall()
    assert orphans == []


def test_every_statistics_target_yields_a_value_on_the_sample_data(con, runner):
    targets = con.execute(
        """
        select t.target_id, t.indicator_key, p.issuer_region_code
        from targets as t join indicators as i using (indicator_key) join plans as p using (plan_id)
        where i.computed_from = 'statistics'
        """
    ).fetchall()
    assert len(targets) >= 20
    for target_id, indicator, region in targets:
        values = runner.run("indicator_values", region_code=region, **YEAR)
        value = values.set_index("indicator_key").loc[indicator, "value"]
        assert value == value and value >= 0, (target_id, indicator, region)  # not NaN


def test_legal_review_rate_matches_an_independent_computation(con, runner):
    reviewed, major = con.execute(
        """
        select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
        where region_code like '3711%' and period_month between date '2025-01-01' and date '2025-12-01'
        """
    ).fetchone()
    values = runner.run("indicator_values", region_code="371100", **YEAR).set_index("indicator_key")["value"]
    assert values["legal_review_rate"] == pytest.approx(100.0 * reviewed / major)


def test_training_hours_are_per_officer_per_year(con, runner):
    hours, officers = con.execute(
        """
        select
            (select sum(public_law_hours + professional_hours) from training_stats
             where region_code like '500237%' and year(period_month) = 2025),
            (select sum(officers) from training_stats where region_code like '500237%' and period_month = date '2025-12-01')
        """
    ).fetchone()
    values = runner.run("indicator_values", region_code="500237", **YEAR).set_index("indicator_key")["value"]
    assert values["training_hours_total"] == pytest.approx(hours / officers)
    half = runner.run(
        "indicator_values", region_code="500237", month_from="2025-01-01", month_to="2025-06-01", domain_code=None
    ).set_index("indicator_key")["value"]
    assert 40 < half["training_hours_total"] < 90  # six months scaled to a year, not halved


@pytest.mark.parametrize("region", ["371100", "500000", "320000"])
def test_the_light_row_records_say_what_the_full_rows_say(runner, region):
    """judge, target_text, name_of and the labels are given only ROW_FIELDS of a row (row_records): on real judged
    rows, with and without a target and with a parent average, they must say exactly what they say of the whole row
    (a field they start to read and the list lacks would read as missing here)."""
    import datetime as dt

    from enforcement.content import indicators, trends

    period = indicators.Period(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    rows = indicators.children_at(runner.run, region, period)
    full, light = rows.to_dict("records"), indicators.row_records(rows)
    assert len(light) == len(full) > 0 and len(light[0]) < len(full[0])
    judgements = {indicators.judge(row) for row in full}
    assert {"no_target", "met"} <= judgements  # both kinds of row are compared
    scope = trends.Scope(region, "某地", dt.date(2025, 1, 1), dt.date(2025, 6, 1), period, lang="en")
    for whole, part in zip(full, light, strict=True):
        assert indicators.judge(part) == indicators.judge(whole)
        assert indicators.target_text(part, "zh", "上级") == indicators.target_text(whole, "zh", "上级")
        assert indicators.target_text(part, "en") == indicators.target_text(whole, "en")
        assert indicators.name_of(part, "en") == indicators.name_of(whole, "en")
        assert trends.child_label(part, scope) == trends.child_label(whole, scope)
