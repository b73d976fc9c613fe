"""培训 Training: the package's charts carry the plans' targets, and the page renders and follows the filters.

Expected numbers are computed here from training_stats with their own SQL (subtrees as region_code LIKE prefix).
"""

from __future__ import annotations

import datetime as dt

import pytest

from enforcement.content import training, trends
from enforcement.content.indicators import format_value
from enforcement.storage import store
from enforcement.ui import frame
from tests.chart_support import page_scope, target_lines
from tests.page_runner import EVERY_LEVEL, is_township, metrics, query_param, run_page

PAGE = "pages/3_training.py"


def scope(region="130000", name="河北省", **choices):
    """The page's scope (chart_support.page_scope), at 河北省 unless told."""
    return page_scope(region, name, **choices)


def date_lines(figure) -> list[str]:
    return [str(shape.x0)[:10] for shape in figure.layout.shapes if shape.x0 == shape.x1]


# ----------------------------------------------------------------------------------------------- package


def test_rotation_chart_has_the_100_percent_target_and_the_deadline(runner):
    chart = training.rotation_chart(runner.run, scope())
    assert target_lines(chart.figure) == [100.0]
    assert date_lines(chart.figure) == ["2024-06-30"]
    # a line per city, 雄安, the province's own agencies and the total
    assert len(chart.figure.data) == 14
    assert set(chart.data["target_text"]) == {"= 100.0%"}


def test_exam_chart_marks_each_years_ratio(runner):
    chart = training.exam_chart(runner.run, scope())
    markers = [trace for trace in chart.figure.data if trace.name == "目标"]
    assert len(markers) == 1
    assert list(markers[0].y) == [30.0, 60.0, 100.0]
    bars = chart.figure.data[0]
    assert list(bars.x) == ["2023年", "2024年", "2025年"]


def test_exam_chart_of_an_unfinished_year_says_so(runner):
    chart = training.exam_chart(runner.run, scope(end="2024-10-01"))
    assert list(chart.figure.data[0].x) == ["2023年", "2024年 (1–10月)"]


def test_hours_chart_draws_60_hours_for_rizhao_and_30_plus_30_for_hebei(runner):
    rizhao = training.hours_chart(runner.run, scope("371100", "日照市"))
    assert target_lines(rizhao.figure) == [30.0, 60.0]
    hebei = training.hours_chart(runner.run, scope())
    assert target_lines(hebei.figure) == [30.0]
    jiangsu = training.hours_chart(runner.run, scope("320000", "江苏省"))
    assert target_lines(jiangsu.figure) == []  # 江苏's plan sets no hours


def test_no_governing_plan_no_lines_unless_a_plan_is_chosen(runner):
    nation = training.rotation_chart(runner.run, scope("000000", "全国"))
    assert target_lines(nation.figure) == []
    assert "目标取自" not in nation.note
    chosen = training.rotation_chart(runner.run, scope("000000", "全国", plan="hebei"))
    assert target_lines(chosen.figure) == [100.0]
    assert "河北省" in chosen.note


def test_hours_kpi_equals_an_independent_computation(con, runner):
    hours, officers = con.execute(
        """
        select
            (select sum(public_law_hours + professional_hours) from training_stats
             where region_code like '3711%' and year(period_month) = 2024 and month(period_month) <= 10),
            (select sum(officers) from training_stats where region_code like '3711%' and period_month = '2024-10-01')
        """
    ).fetchone()
    cards = {card.key: card for card in training.kpis(runner.run, scope("371100", "日照市", end="2024-10-01"))}
    hours_card = cards["training_hours_total"]
    assert hours_card.value_text == format_value(hours / officers, "学时")
    # 60 hours a year is 50 by October
    expected = "达标" if hours / officers >= 50 else "滞后序时进度"
    assert hours_card.status_text.startswith(expected)


def test_ranking_of_child_regions_and_agencies(runner):
    children = training.children_chart(runner.run, scope(), "exam_sampling_rate")
    names = set(children.data["region_name"])
    assert {"石家庄市", "雄安新区", "本级"} <= names
    assert set(children.data["target_text"]) == {"= 100.0%"}  # the ratio of the period's year
    agencies = training.agency_chart(runner.run, scope(domain="market"), "full_rotation_rate")
    assert "市场监督管理部门" in set(agencies.data["agency_name"])
    assert len(agencies.data) == 22  # all agencies (township teams included), the chosen domain's highlighted
    bars = agencies.figure.data[0]
    assert sorted(set(bars.marker.opacity)) == [0.3, 1.0]


@pytest.mark.parametrize(("region", "name", "bars"), [("130000", "河北省", 22), ("130102001", "一个街道", 1)])
def test_a_ranking_s_legend_clears_its_axis_and_long_names_wrap(runner, con, region, name, bars):
    """Below one bar or twenty-two, the legend starts well under the plot area (the x axis's numbers and title sit
    between); an English agency name too long for a phone's width is on two lines, each shorter than the name."""
    chart = training.agency_chart(runner.run, scope(region, name, lang="en"), "training_hours_total")
    figure = chart.figure
    labels = list(figure.data[0].y)
    assert len(labels) == bars
    plot_px = figure.layout.height - figure.layout.margin.t - figure.layout.margin.b
    assert figure.layout.legend.y * plot_px <= -45
    team = con.execute("select name_en from agencies where agency_code = 'township_team'").fetchone()[0]
    assert team in [label.replace("<br>", " ") for label in labels]  # every township has its team's figures
    assert len(team) > trends.WRAP_LABEL_AT
    for label in labels:
        name, lines = label.replace("<br>", " "), label.split("<br>")
        assert len(lines) == (2 if len(name) > trends.WRAP_LABEL_AT and " " in name else 1), label
        assert all(len(line) <= max(trends.WRAP_LABEL_AT, len(name) * 2 // 3) for line in lines), label


def test_ranking_indicator_from_the_url_is_checked():
    assert training.chosen_indicator("exam_sampling_rate") == "exam_sampling_rate"
    assert training.chosen_indicator("'; drop table x") == training.RANKABLE[0]
    assert training.chosen_indicator(None) == training.RANKABLE[0]


# ----------------------------------------------------------------------------------------------- page


def test_a_chart_is_built_once_per_database_version_and_arguments():
    """ctx.built keeps what a builder returned, so a page seen again draws it without building it again; a change
    of any argument (the filters, the ranked indicator) or of the database version builds it anew."""
    frame._cached_build.cache_clear()
    calls: list[tuple] = []

    def counting_builder(query, scope, indicator):
        calls.append((scope, indicator))
        return {"rows": query("meta_facts"), "indicator": indicator}

    def context(version_file: str) -> frame.PageContext:
        context = frame.PageContext(filters=None, choices=None, meta={}, version_file=version_file)
        context.query = lambda name, **params: (version_file, name)  # the builder's query, per version
        return context

    first, again = context("db-v1"), context("db-v1")
    shown = first.built(counting_builder, scope(), "exam_sampling_rate")
    assert shown == {"rows": ("db-v1", "meta_facts"), "indicator": "exam_sampling_rate"}
    assert again.built(counting_builder, scope(), "exam_sampling_rate") is shown  # another session, same filters
    assert len(calls) == 1
    assert first.built(counting_builder, scope(), "full_rotation_rate")["indicator"] == "full_rotation_rate"
    assert first.built(counting_builder, scope(lang="en"), "exam_sampling_rate") is not shown
    assert context("db-v2").built(counting_builder, scope(), "exam_sampling_rate")["rows"] == ("db-v2", "meta_facts")
    assert len(calls) == 4


def test_a_page_that_changes_a_query_result_leaves_the_kept_one_as_it_was(sample_db):
    """Query results are kept as frames shared by every session (not pickled copies); what one page does to the
    frame it was given (a column added, a value replaced, rows dropped) must not reach the next reader."""
    frame._cached_query.cache_clear()
    version_file = str(store.current_file(sample_db))
    context = frame.PageContext(filters=None, choices=None, meta={}, version_file=version_file)
    first = context.query("region_lineage", region_code="320102")
    expected = first.copy(deep=True)
    first["region_name"] = "changed"
    first.loc[first.index[0], "region_code"] = "999999"
    first["extra"] = 1
    first.drop(first.index[-1], inplace=True)
    again = context.query("region_lineage", region_code="320102")
    assert list(again["region_name"]) == list(expected["region_name"]) and "南京市" in list(again["region_name"])
    assert again.equals(expected) and "extra" not in again.columns


@pytest.mark.parametrize(
    "params", [*EVERY_LEVEL, {"region": "320000", "domain": "market"}, {"region": "500237", "lang": "en"}]
)
def test_renders_at_every_level_and_with_a_domain(sample_db, params):
    at = run_page(PAGE, **params)
    assert not at.exception
    assert len(at.metric) >= 6  # officers and five indicators (hours as its two parts where only they have a target)
    assert len(at.get("plotly_chart")) == 5 - is_township(params)  # a township: a note instead of a ranking


def test_rotation_kpi_equals_the_database(sample_db, con):
    trained, officers = con.execute(
        """
        select sum(full_rotation_trained), sum(officers) from training_stats
        where region_code like '13%' and period_month = date '2024-03-01'
        """
    ).fetchone()
    at = run_page(PAGE, region="130000", as_of="2024-03-31")
    assert metrics(at)["全员轮训完成率"] == format_value(100.0 * trained / officers, "%")


def test_region_period_as_of_and_domain_change_the_numbers(sample_db):
    base = metrics(run_page(PAGE, region="130000", as_of="2024-03-31"))
    assert metrics(run_page(PAGE, region="320000", as_of="2024-03-31")) != base
    assert metrics(run_page(PAGE, region="130000", as_of="2024-09-30")) != base
    assert metrics(run_page(PAGE, region="130000", **{"as_of": "2024-09-30", "to": "2024-03"})) == base
    assert metrics(run_page(PAGE, region="130000", as_of="2024-03-31", domain="transport")) != base


def test_no_plan_says_so_and_offers_a_yardstick(sample_db):
    at = run_page(PAGE, region="370000")
    assert any("没有管辖本级的实施方案" in caption.value for caption in at.caption)
    yardstick = at.selectbox(key="p_yardstick")
    assert "rizhao" in yardstick.options or any("日照" in option for option in yardstick.options)
    at = yardstick.set_value("rizhao").run()
    assert query_param(at, "plan") == "rizhao"


def test_period_before_the_as_of_date_is_explained(sample_db):
    at = run_page(PAGE, region="130000", **{"from": "2025-01", "as_of": "2024-06-30"})
    assert not at.exception
    assert at.info and "截至日期早于统计期间" in at.info[0].value


def test_ranking_indicator_round_trips_through_the_url(sample_db):
    at = run_page(PAGE, region="130000", ti="exam_sampling_rate")
    assert at.selectbox(key="p_ti").value == "exam_sampling_rate"
    at = at.selectbox(key="p_ti").set_value("certified_rate").run()
    assert query_param(at, "ti") == "certified_rate"


def test_sidebar_period_and_domain_write_the_url(sample_db):
    at = run_page(PAGE, region="130000")
    at = at.selectbox(key="f_domain").set_value("market").run()
    assert query_param(at, "domain") == "market"
    at = at.select_slider(key="f_period").set_range(dt.date(2024, 1, 1), dt.date(2024, 12, 1)).run()
    assert query_param(at, "from") == "2024-01" and query_param(at, "to") == "2024-12"
    assert not at.exception


def test_a_child_without_figures_keeps_its_row_and_says_no_data(runner):
    # At 全国 only the provinces with sample figures have a value; the others are named, with 无数据, not left blank.
    chart = training.children_chart(runner.run, scope("000000", "全国"), "training_hours_total")
    assert not chart.empty
    bars = chart.figure.data[0]
    blank = {label for label, value in zip(bars.y, bars.x, strict=True) if value is None or value != value}
    marks = [trace for trace in chart.figure.data if trace.type == "scatter" and trace.mode == "text"]
    assert blank and len(marks) == 1
    assert set(marks[0].y) == blank and set(marks[0].text) == {"无数据"}


def test_the_rankings_lines_run_below_the_bars_and_their_value_labels(runner):
    chart = training.children_chart(runner.run, scope("371100", "日照市"), "training_hours_total")
    lines = [shape for shape in chart.figure.layout.shapes if shape.type == "line"]
    assert lines and {shape.layer for shape in lines} == {"below"}
