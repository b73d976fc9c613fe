"""案件 Cases: the package's charts carry the plans' targets, and the page renders and follows the filters.

Expected numbers are computed here from case_stats with their own SQL (subtrees as region_code LIKE prefix).
"""

from __future__ import annotations

import re

import pytest

from enforcement.content import cases
from enforcement.content.indicators import format_count, format_value, shown
from tests.chart_support import page_scope, target_lines
from tests.page_runner import EVERY_LEVEL, is_township, metrics, query_param, run_page

PAGE = "pages/4_cases.py"


def scope(region="371100", name="日照市", **choices):
    """The page's scope (chart_support.page_scope), at 日照市 unless told."""
    return page_scope(region, name, **choices)


def vertical_lines(figure) -> list[float]:
    return sorted({shape.x0 for shape in figure.layout.shapes if shape.x0 == shape.x1})


# ----------------------------------------------------------------------------------------------- package


def test_counts_chart_equals_raw_monthly_sums(con, runner):
    chart = cases.counts_chart(runner.run, scope("371102", "东港区", domain="market"))
    expected = con.execute(
        """
        select strftime(period_month, '%Y-%m'), sum(count_penalty), sum(count_coercion) from case_stats
        where region_code like '371102%' and domain_code = 'market' group by 1 order by 1
        """
    ).fetchall()
    table = chart.data.set_index("period_month")
    assert len(table) == len(expected) == 36
    for month, penalties, coercions in expected:
        assert table.loc[month, "count_penalty"] == penalties
        assert table.loc[month, "count_coercion"] == coercions
    assert len(chart.figure.data) == 4  # one panel per type


def test_duties_chart_draws_rizhaos_100_percent_and_its_deadline(runner):
    chart = cases.duties_chart(runner.run, scope())
    assert target_lines(chart.figure) == [100.0]
    dates = [str(shape.x0)[:10] for shape in chart.figure.layout.shapes if shape.x0 == shape.x1]
    assert dates == ["2024-04-30"]
    assert "法制审核" in chart.note and "7个工作日" in chart.note
    # the year-so-far rate of the table equals the raw counts
    table = chart.data[chart.data["period_month"] == "2024-06"].set_index("indicator_name")
    assert table.loc["重大执法决定法制审核执行率", "major_decisions"] > 0


def test_duties_rate_equals_an_independent_computation(con, runner):
    reviewed, major = con.execute(
        """
        select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
        where region_code like '3711%' and period_month between date '2024-01-01' and date '2024-06-01'
        """
    ).fetchone()
    table = cases.duties_chart(runner.run, scope()).data
    june = table[(table["period_month"] == "2024-06") & (table["indicator_name"] == "重大执法决定法制审核执行率")]
    assert june.iloc[0]["value"] == shown(100.0 * reviewed / major)  # as the cards show it, to the digit
    assert june.iloc[0]["major_decisions"] == major


def test_wushan_head_appearances_have_a_target_and_losses_compare_with_the_county(runner):
    duties = cases.duties_chart(runner.run, scope("500237", "巫山县"))
    assert target_lines(duties.figure) == [100.0]
    assert "行政机关负责人出庭应诉率" in duties.note
    losses = cases.children_chart(runner.run, scope("500237", "巫山县"), "litigation_loss_rate")
    county = losses.data["parent_value"].dropna().unique()
    assert len(county) == 1
    judged = losses.data[losses.data["status_label"] != ""]
    assert not judged.empty
    for _, row in judged.dropna(subset=["litigation_loss_rate"]).iterrows():
        if row["litigation_loss_rate"] < county[0]:
            assert row["status_label"] == "达标"
        elif row["litigation_loss_rate"] > county[0]:
            assert row["status_label"] in ("未达标", "接近目标")
    assert vertical_lines(losses.figure)  # the county's own rate as the average line


def test_no_plan_no_target_lines(runner):
    chart = cases.duties_chart(runner.run, scope("370000", "山东省"))
    assert target_lines(chart.figure) == []
    chosen = cases.duties_chart(runner.run, scope("370000", "山东省", plan="rizhao"))
    assert target_lines(chosen.figure) == [100.0]


def test_domain_chart_highlights_the_chosen_domain_among_all(runner):
    chart = cases.domain_chart(runner.run, scope(domain="urban"), "legal_review_rate")
    assert len(chart.data) == 20
    bars = chart.figure.data[0]
    opacity = dict(zip(bars.y, bars.marker.opacity))
    assert opacity["城市管理"] == 1.0 and opacity["市场监管"] < 1.0


def test_domain_ranking_does_not_judge_a_parent_average_target(runner):
    """A domain has no parent average: its bar is neither judged nor called "no data" where it has a value."""
    chart = cases.domain_chart(runner.run, scope("500237", "巫山县"), "litigation_loss_rate")
    assert set(chart.data["status_label"]) == {""} and set(chart.data["target_text"]) == {""}
    assert "无数据" not in {trace.name for trace in chart.figure.data}
    assert all(label == "" for label in chart.figure.data[0].customdata)


def test_the_parent_average_target_says_average_once(runner):
    chart = cases.children_chart(runner.run, scope("500237", "巫山县"), "litigation_loss_rate")
    texts = set(chart.data["target_text"]) - {""}
    assert texts and all(text.count("平均") == 1 and text.startswith("低于") for text in texts), texts
    english = cases.children_chart(runner.run, scope("500237", "巫山县", lang="en"), "litigation_loss_rate")
    assert all(text.count("average") == 1 for text in set(english.data["target_text"]) - {""})


def test_a_zero_bar_writes_its_number_beside_it(runner):
    chart = cases.children_chart(runner.run, scope("500237", "巫山县"), "litigation_loss_rate")
    bars = chart.figure.data[0]
    zeros = [i for i, value in enumerate(bars.x) if value == 0]
    assert zeros, "the sample has townships with no lawsuit lost"
    assert all(bars.textposition[i] == "outside" and bars.text[i] == "0.0%" for i in zeros)


def test_ranking_indicator_from_the_url_is_checked():
    assert cases.chosen_indicator("legal_review_rate") == "legal_review_rate"
    assert cases.chosen_indicator("count_penalty") == cases.RANKABLE[0]


# ----------------------------------------------------------------------------------------------- page


@pytest.mark.parametrize(
    "params", [*EVERY_LEVEL, {"region": "500237", "domain": "urban"}, {"region": "320000", "lang": "en"}]
)
def test_renders_at_every_level_and_with_a_domain(sample_db, params):
    at = run_page(PAGE, **params)
    assert not at.exception
    assert len(at.metric) == 6  # penalties and five rates
    assert len(at.get("plotly_chart")) == 6 - is_township(params)  # a township: a note instead of a ranking


def test_penalties_kpi_equals_the_database(sample_db, con):
    penalties = con.execute(
        """
        select sum(count_penalty) from case_stats
        where region_code like '3711%' and domain_code = 'environment'
            and period_month between date '2024-01-01' and date '2024-09-01'
        """
    ).fetchone()[0]
    at = run_page(PAGE, region="371100", domain="environment", **{"from": "2024-01", "as_of": "2024-09-30"})
    assert metrics(at)["行政处罚"] == format_count(penalties)


def test_legal_review_kpi_equals_the_database(sample_db, con):
    reviewed, major = con.execute(
        """
        select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
        where region_code like '32%' and period_month between date '2024-01-01' and date '2024-12-01'
        """
    ).fetchone()
    at = run_page(PAGE, region="320000", **{"from": "2024-01", "to": "2024-12"})
    assert metrics(at)["重大执法决定法制审核执行率"] == format_value(100.0 * reviewed / major, "%")


def test_region_period_as_of_and_domain_change_the_numbers(sample_db):
    base = metrics(run_page(PAGE, region="371100", as_of="2024-06-30"))
    assert metrics(run_page(PAGE, region="500237", as_of="2024-06-30")) != base
    assert metrics(run_page(PAGE, region="371100", as_of="2025-06-30")) != base
    # the months drawn do not change an indicator: it is the year to date at the as-of month wherever it is shown
    assert metrics(run_page(PAGE, region="371100", as_of="2024-06-30", **{"from": "2024-03"})) == base
    assert metrics(run_page(PAGE, region="371100", as_of="2024-06-30", domain="market")) != base


def test_ranking_indicator_round_trips_through_the_url(sample_db):
    at = run_page(PAGE, region="500237", ci="head_appearance_rate")
    assert at.selectbox(key="p_ci").value == "head_appearance_rate"
    at = at.selectbox(key="p_ci").set_value("litigation_loss_rate").run()
    assert query_param(at, "ci") is None  # the default is left out of the URL
    assert not at.exception


def test_notes_join_sentences_as_each_language_writes_them(runner):
    chinese = cases.children_chart(runner.run, scope("500237", "巫山县"), "litigation_loss_rate").note
    assert chinese.count("。") >= 3 and "。 " not in chinese  # period, below-parent and source sentences
    english = cases.children_chart(runner.run, scope("500237", "巫山县", lang="en"), "litigation_loss_rate").note
    assert english.count(". ") >= 2 and not re.search(r"\.[A-Z]", english)
