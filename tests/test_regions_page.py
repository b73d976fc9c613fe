"""The regions page with AppTest: every level renders, the ranking is the database's, the URL keeps the indicator,
a click on a bar (its selection state) drills down and the breadcrumb leads back up."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.content import indicators
from tests.conftest import PROJECT

PAGE = "pages/5_regions.py"


def run_page(sample_db, **params):
    # Built from the entry point, as a browser arrives: the frame's navigation links resolve against app.py.
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGE)
    return at.run()


def param(at, key):
    value = at.query_params[key]
    return value[-1] if isinstance(value, list) else value


def ranking(at):
    return at.dataframe[0].value.set_index("地区代码")


def crumbs(at):
    return [
        (link.proto.label, parse_qs(link.proto.query_string))
        for link in at.get("page_link")
        if link.proto.page == "regions" and link.proto.label != "地区对比"  # not the sidebar's navigation
    ]


@pytest.mark.parametrize(
    ("region", "indicator"),
    [
        ("000000", None),
        ("440000", "legal_review_rate"),
        ("371100", "training_hours_total"),
        ("500237", "litigation_loss_rate"),
        ("371102001", "satisfaction_rate"),
    ],
)
def test_renders_at_every_level(sample_db, region, indicator):
    params = {"region": region} | ({"ind": indicator} if indicator else {})
    at = run_page(sample_db, **params)
    assert not at.exception
    assert any("示例数据" in w.value for w in at.warning)
    if region == "371102001":
        assert any("最低一级" in i.value for i in at.info)
    else:
        assert len(ranking(at)) > 0


def test_ranking_value_equals_an_independent_sum(sample_db, con):
    at = run_page(sample_db, region="371100", ind="legal_review_rate", as_of="2025-12-31")
    reviewed, major = con.execute(
        """
        select sum(major_decisions_reviewed), sum(major_decisions) from case_stats
        where region_code like '371121%' and period_month between date '2025-01-01' and date '2025-12-01'
        """
    ).fetchone()
    row = ranking(at).loc["371121"]
    assert (row["分子"], row["分母"]) == (reviewed, major)
    assert row["数值"] == indicators.shown(100.0 * reviewed / major)  # as the cards show it, to the digit
    assert row["目标"] == "= 100.0%"  # 日照's 法制审核执行率达100%


def test_training_ranking_equals_an_independent_sum(sample_db, con):
    at = run_page(sample_db, region="371100", ind="training_hours_total", as_of="2024-10-31")
    hours, officers = con.execute(
        """
        select
            (select sum(public_law_hours + professional_hours) from training_stats
             where region_code like '371122%' and period_month between '2024-01-01' and '2024-10-01'),
            (select sum(officers) from training_stats where region_code like '371122%' and period_month = '2024-10-01')
        """
    ).fetchone()
    # the year so far (not scaled to a year), as shown: one decimal, rounded half up once
    assert ranking(at).loc["371122", "数值"] == indicators.shown(hours / officers)


def test_changing_region_or_date_changes_the_numbers(sample_db):
    base = ranking(run_page(sample_db, region="320000", ind="legal_review_rate", as_of="2025-12-31"))
    later = ranking(run_page(sample_db, region="320000", ind="legal_review_rate", as_of="2024-12-31"))
    assert base.loc["320100", "数值"] != later.loc["320100", "数值"]
    deeper = ranking(run_page(sample_db, region="320100", ind="legal_review_rate", as_of="2025-12-31"))
    assert set(deeper.index).isdisjoint(base.index)


def test_the_indicator_lives_in_the_url(sample_db):
    at = run_page(sample_db, region="371100", ind="satisfaction_rate")
    assert at.selectbox(key="regions_ind").value == "satisfaction_rate"
    at.selectbox(key="regions_ind").set_value("head_appearance_rate").run()
    assert not at.exception
    assert param(at, "ind") == "head_appearance_rate"
    bad = run_page(sample_db, region="371100", ind="x'; drop table regions; --")
    assert not bad.exception
    assert bad.selectbox(key="regions_ind").value == "milestone_lagging_share"


def test_a_click_on_a_bar_drills_down_and_the_breadcrumb_leads_back(sample_db):
    at = run_page(sample_db, region="371100", ind="legal_review_rate", as_of="2024-10-31")
    # What st.plotly_chart stores when a bar is clicked: the point with its custom data (the region code).
    at.session_state["regions_rank_371100_legal_review_rate"] = {
        "selection": {"points": [{"curve_number": 0, "point_index": 2, "customdata": ["371121", 1, 2, "x"]}]}
    }
    at.run()
    assert not at.exception
    assert param(at, "region") == "371121"
    assert at.title[0].value.endswith("五莲县")
    path = crumbs(at)
    assert [label for label, _ in path] == ["全国", "山东省", "日照市"]
    label, query = path[-1]
    assert query["region"] == ["371100"] and query["ind"] == ["legal_review_rate"] and query["as_of"] == ["2024-10-31"]


def test_a_stale_selection_does_not_drill(sample_db):
    at = run_page(sample_db, region="371100", ind="legal_review_rate")
    at.session_state["regions_rank_371100_legal_review_rate"] = {"selection": {"points": [{"customdata": ["320100"]}]}}
    at.run()
    assert param(at, "region") == "371100"


def test_a_period_in_an_earlier_year_is_held_to_that_year_s_target(sample_db):
    at = run_page(sample_db, region="130000", ind="exam_sampling_rate", to="2024-06")
    assert set(ranking(at)["目标"]) == {"≥ 60.0%"}  # 河北's 2024 ratio, although the as-of date is in 2025


@pytest.mark.parametrize("indicator", ["legal_review_rate", "training_hours_total", "satisfaction_rate"])
def test_the_definition_is_in_the_page_s_language(sample_db, con, indicator):
    """An indicator's definition in English on the English page (the catalog's definition_en), in Chinese on the
    Chinese one: never the Chinese text under an English page."""
    zh, en = con.execute(
        "select definition, definition_en from indicators where indicator_key = ?", [indicator]
    ).fetchone()
    for lang, expected, other in (("en", en, zh), ("zh", zh, en)):
        params = {"region": "440000", "ind": indicator} | ({"lang": lang} if lang == "en" else {})
        at = run_page(sample_db, **params)
        assert not at.exception
        shown = " ".join(c.value for c in at.caption)
        assert expected in shown and other not in shown, (lang, shown)


@pytest.mark.parametrize(("region", "plans_concern"), [("320102", True), ("420102", False)])
def test_a_region_outside_every_plan_opens_on_a_statistic(sample_db, con, region, plans_concern):
    """Without ?ind=, a region some plan concerns ranks on its milestones; one outside every plan (江岸区: no plan is
    issued above or inside it) has no milestone items, and opens on the overview's first indicator instead."""
    concerning = con.execute(
        """
        select count(*) from plans as p, regions as r
        where r.region_code = ? and (list_contains(r.lineage, p.issuer_region_code)
            or in_subtree(p.issuer_region_code, r.code_prefix))
        """,
        [region],
    ).fetchone()[0]
    assert (concerning > 0) == plans_concern
    at = run_page(sample_db, region=region)
    assert not at.exception
    shown = at.selectbox(key="regions_ind").value
    assert shown == ("milestone_lagging_share" if plans_concern else "full_rotation_rate")
    assert "ind" not in at.query_params  # the default is not written into the link
