"""Targets and judgements: which plan's target governs, met / near / not met, the overview's cards and rankings."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from enforcement.content import indicators, scorecard
from enforcement.i18n import t
from enforcement.rules import status
from enforcement.rules.filters import Filters

YEAR_2025 = {"month_from": "2025-01-01", "month_to": "2025-12-01", "domain_code": None}
# The indicator queries' one period: the year to date at a month.
AT_2025 = {"month": "2025-12-01", "as_of": "2025-12-31", "domain_code": None, "indicator_keys": None, "sources": None}


def governing(con, regions, as_of, plan=None):
    return con.execute(
        "select * from governing_targets(?, ?::date, chosen_plans(?)) order by region_code, indicator_key",
        [regions, as_of, plan],
    ).df()


def targets_of(frame, region):
    rows = frame[frame["region_code"] == region]
    return dict(zip(rows["indicator_key"], rows["target_id"], strict=True))


# ----------------------------------------------------------------------------------------------- SQL: governing_targets


def test_exam_sampling_follows_the_yearly_ratio(con):
    by_year = {
        year: targets_of(governing(con, ["130000"], f"{year}-12-31"), "130000")["exam_sampling_rate"]
        for year in (2023, 2024, 2025)
    }
    assert by_year == {2023: "HB-T04", 2024: "HB-T05", 2025: "HB-T06"}
    values = con.execute("select target_id, target_value from targets where target_id like 'HB-T0_'").fetchall()
    assert {"HB-T04": 30, "HB-T05": 60, "HB-T06": 100}.items() <= dict(values).items()


def test_only_governing_plans_count(con):
    frame = governing(con, ["000000", "110000", "320000", "371100"], "2025-12-31")
    assert targets_of(frame, "000000") == {}  # no plan governs the nation
    assert targets_of(frame, "110000") == {}  # nor 北京
    assert set(frame.loc[frame["region_code"] == "320000", "plan_id"]) == {"jiangsu"}
    assert set(frame.loc[frame["region_code"] == "371100", "plan_id"]) == {"rizhao"}


def test_a_chosen_plan_replaces_the_governing_ones_as_the_yardstick(con):
    """The plan filter picks the yardstick (same rule as the training and cases pages): only that plan's targets."""
    chosen = governing(con, ["130000", "000000"], "2025-12-31", "jiangsu")
    assert set(chosen["plan_id"]) == {"jiangsu"}
    assert targets_of(chosen, "000000") == targets_of(chosen, "130000") != {}
    assert set(governing(con, ["130000"], "2025-12-31", "hebei")["plan_id"]) == {"hebei"}
    assert set(governing(con, ["130000"], "2025-12-31")["plan_id"]) == {"hebei"}


def test_levels_decide_whether_a_target_applies(con):
    frame = governing(con, ["371100", "371102", "371102001", "320000", "320102002"], "2025-12-31")
    # 日照's targets name city and county agencies: a township is not held to them.
    assert "training_hours_total" in targets_of(frame, "371102")
    assert targets_of(frame, "371102001") == {}
    # 江苏's judicial-office target names townships: it applies to a township and to the province above it.
    assert targets_of(frame, "320102002").get("judicial_office_legal_staff_coverage") == "JS-T03"
    assert targets_of(frame, "320000").get("judicial_office_legal_staff_coverage") == "JS-T03"


def test_not_yet_due_targets_are_flagged(con):
    early = governing(con, ["320000", "371100"], "2023-12-31").set_index(["region_code", "indicator_key"])
    assert not early.loc[("320000", "full_rotation_rate"), "is_due"]  # 2024 target seen from 2023
    assert not early.loc[("371100", "training_hours_total"), "is_due"]  # 日照's plan was issued in 2024
    assert early.loc[("320000", "certified_rate"), "is_due"]
    late = governing(con, ["320000"], "2025-12-31").set_index(["region_code", "indicator_key"])
    assert late.loc[("320000", "full_rotation_rate"), "is_due"]  # an earlier year's target still holds


def test_nearest_plan_wins(schema_con):
    # A second plan issued by 日照's county 东港区 would govern 东港区 before 日照's own plan.
    schema_con.execute(
        "insert into plans values ('donggang', '371102', '东港区', null, '东港区方案', '2024-01-01', '2024-01-01', "
        "'x', '实施方案', null)"
    )
    schema_con.execute(
        "insert into targets values ('DG-T01', 'donggang', 1, '一', 'training_hours_total', '培训学时', '>=', 80, '学时', "
        "null, null, '全区', ['county'], null, '不少于80学时')"
    )
    frame = schema_con.execute(
        "select region_code, target_id from governing_targets(['371102', '371103'], date '2025-12-31', null) "
        "where indicator_key = 'training_hours_total' order by region_code"
    ).fetchall()
    assert frame == [("371102", "DG-T01"), ("371103", "RZ-T01")]


# ----------------------------------------------------------------------------------------------- SQL: values


# The indicator formulas written out by hand from their definitions (data/reference/indicators.csv, 定义 column):
# (numerator measures, denominator measure, percent?, per year?). The schema applies them from the table.
FORMULAS_BY_HAND = {
    "training_hours_total": (("public_law_hours", "professional_hours"), "officers", False, True),
    "training_hours_public_law": (("public_law_hours",), "officers", False, True),
    "training_hours_professional": (("professional_hours",), "officers", False, True),
    "full_rotation_rate": (("full_rotation_trained",), "officers", True, False),
    "exam_sampling_rate": (("exam_sampled",), "officers", True, True),
    "township_training_coverage": (("township_officers_trained",), "township_officers", True, False),
    "certified_rate": (("certified_officers",), "officers", True, False),
    "legal_review_rate": (("major_decisions_reviewed",), "major_decisions", True, False),
    "legal_reviewer_ratio": (("legal_reviewers",), "officers", True, False),
    "publicity_within_7d_rate": (("decisions_publicized_7d",), "decisions_to_publicize", True, False),
    "head_appearance_rate": (("head_appearances",), "lawsuits", True, False),
    "litigation_loss_rate": (("lawsuits_lost",), "lawsuits", True, False),
    "satisfaction_rate": (("satisfied",), "respondents", True, False),
    "judicial_office_legal_staff_coverage": (("judicial_offices_with_legal_staff",), "judicial_offices", True, False),
    "case_file_pass_rate": (("case_files_passed",), "case_files_reviewed", True, False),
    "reconsideration_correction_rate": (("reconsiderations_corrected",), "reconsiderations", True, False),
    "joint_inspection_share": (("enterprise_inspections_joint",), "enterprise_inspections", True, False),
    "random_inspection_share": (("enterprise_inspections_random",), "enterprise_inspections", True, False),
}


def test_every_statistics_indicator_has_a_formula_over_real_measures(con):
    measures = set(con.execute("select unnest(measure_names())").df().iloc[:, 0])
    view_columns = set(con.execute("select * from monthly_facts limit 0").df().columns)
    assert measures == view_columns - {"source", "region_code", "period_month", "domain_code", "agency_code"} - {
        c for c in view_columns if c.endswith("_sample")
    }
    formulas = con.execute(
        "select indicator_key, numerator_measures, denominator_measure from indicators "
        "where computed_from = 'statistics'"
    ).fetchall()
    assert {key for key, _, _ in formulas} == set(FORMULAS_BY_HAND)
    for key, numerator, denominator in formulas:
        assert set(numerator) | {denominator} <= measures, key


def test_indicator_values_of_applies_the_formulas_as_defined(con):
    # Nine months (a per-year indicator is scaled to 12) of one child of 南京.
    row = (
        con.execute(
            "select * from subtree_period('320100', date '2025-01-01', date '2025-09-01', null) "
            "where child_code is not null order by child_code limit 1"
        )
        .df()
        .iloc[0]
    )
    computed = dict(
        con.execute(
            """
            with m as (
                select 7 as row_no, *
                from subtree_period('320100', date '2025-01-01', date '2025-09-01', null)
                where child_code = $child
            )
            select indicator_key, value from indicator_values_of(m) where row_no = 7
            """,
            {"child": row["child_code"]},
        ).fetchall()
    )
    assert set(computed) == set(FORMULAS_BY_HAND)
    for key, (numerator, denominator, percent, per_year) in FORMULAS_BY_HAND.items():
        expected = sum(row[m] for m in numerator) / row[denominator]
        expected *= (100 if percent else 1) * (12 / 9 if per_year else 1)
        assert computed[key] == pytest.approx(expected), key


def test_indicator_values_of_leaves_a_zero_or_missing_denominator_without_a_value(con):
    rows = con.execute(
        """
        with m as (
            select 1 as row_no, 12 as period_months, 5 as major_decisions_reviewed, 0 as major_decisions,
                3 as lawsuits_lost, null::bigint as lawsuits
        )
        select indicator_key, value, numerator, denominator from indicator_values_of(m) order by indicator_key
        """
    ).fetchall()
    assert ("legal_review_rate", None, 5.0, 0.0) in rows
    assert ("litigation_loss_rate", None, 3.0, None) in rows
    # indicators none of whose measures are present get no row at all
    assert {key for key, *_ in rows} == {"legal_review_rate", "litigation_loss_rate"}


def test_child_values_equal_an_independent_sum(con, runner):
    values = runner.run("indicators_by_child", region_code="371100", plan_id=None, **AT_2025)
    row = values[(values["region_code"] == "371102") & (values["indicator_key"] == "publicity_within_7d_rate")].iloc[0]
    published, due = con.execute(
        """
        select sum(decisions_publicized_7d), sum(decisions_to_publicize) from case_stats
        where region_code like '371102%' and period_month between date '2025-01-01' and date '2025-12-01'
        """
    ).fetchone()
    assert (row["numerator"], row["denominator"]) == (published, due)
    assert row["value"] == pytest.approx(100.0 * published / due)
    assert row["target_id"] == "RZ-T05" and row["target_status"] == ("met" if published == due else "not_met")


def test_litigation_target_is_judged_against_the_parent(con, runner):
    values = runner.run("indicators_by_child", region_code="500237", plan_id=None, **AT_2025)
    loss = values[values["indicator_key"] == "litigation_loss_rate"]
    lost, suits = con.execute(
        """
        select sum(lawsuits_lost), sum(lawsuits) from case_stats
        where region_code like '500237%' and period_month between date '2025-01-01' and date '2025-12-01'
        """
    ).fetchone()
    parent = 100.0 * lost / suits
    children = loss[loss["scope"] == "child"]
    assert children["parent_value"].dropna().tolist() == pytest.approx(
        [parent] * children["parent_value"].notna().sum()
    )
    judged = children[children["value"].notna()]
    assert len(judged) >= 3
    for row in judged.itertuples():
        assert row.target_id == "WS-T04"
        assert row.target_status == ("met" if row.value < parent else "not_met")
    assert set(children.loc[children["value"].isna(), "target_status"]) <= {"no_data"}


# ----------------------------------------------------------------------------------------------- judging


def row(**values):
    base = {
        "target_id": "X",
        "is_target_due": True,
        "target_status": "not_met",
        "comparator": ">=",
        "target_value": 100.0,
        "parent_value": None,
        "value": 90.0,
    }
    return {**base, **values}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"target_status": "met", "value": 100.0}, "met"),
        ({"value": 95.0}, "near"),  # exactly 5 % short of 100
        ({"value": 94.9}, "not_met"),
        ({"comparator": ">=", "target_value": 60.0, "value": 57.0}, "near"),
        ({"comparator": ">=", "target_value": 60.0, "value": 56.9}, "not_met"),
        ({"target_id": None}, "no_target"),
        ({"is_target_due": False}, "not_due"),
        ({"target_status": "no_data", "value": None}, "no_data"),
        ({"target_status": "not_due"}, "not_due"),
        ({"target_status": "behind_schedule", "value": 40.0}, "behind"),  # short of the pro-rated target (序时)
        # below the parent's average: equal is not below (SQL says not met), so never green
        ({"comparator": "below_parent_avg", "target_value": None, "parent_value": 10.0, "value": 10.0}, "near"),
        ({"comparator": "below_parent_avg", "target_value": None, "parent_value": 10.0, "value": 10.6}, "not_met"),
    ],
)
def test_judgement_edges(values, expected):
    assert indicators.judge(row(**values)) == expected


def test_judgement_colours_come_from_the_palette():
    assert indicators.rag_color("not_met") == status.RAG_COLORS["red"]
    assert indicators.rag_color("near") == status.RAG_COLORS["amber"]
    assert indicators.rag_color("behind") == status.RAG_COLORS["amber"]
    assert indicators.rag_color("met") == status.RAG_COLORS["green"]
    assert indicators.rag_color("no_target") == status.RAG_COLORS["grey"]


@pytest.mark.parametrize(
    ("items", "lagging", "expected"),
    [(0, 0, "no_data"), (100, 0, "met"), (100, 5, "near"), (100, 6, "not_met")],
)
def test_milestone_judgement(items, lagging, expected):
    assert scorecard.milestone_judgement(items, lagging) == expected


@pytest.mark.parametrize("judgement", ["near", "not_met"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_milestone_judgement_names_what_it_counts(judgement, lang):
    """The judgement counts items overdue or behind schedule: its label names both, and not the word of another status
    (an item done late is done, and not counted)."""
    label = t(f"milestone_judgement_{judgement}", lang)
    for counted in ("overdue", "behind_schedule"):
        word = t(f"status_{counted}", lang).split()[0].lower() if lang == "en" else t(f"status_{counted}", lang)[:2]
        assert word in label.lower(), (counted, label)
    late = t("status_done_late", lang).split()[-1].lower() if lang == "en" else None
    assert late is None or late not in label.lower()


def filters(**changes):
    base = Filters(
        region="000000",
        as_of=dt.date(2025, 12, 31),
        since=dt.date(2025, 11, 30),
        period_from=dt.date(2023, 1, 1),
        period_to=dt.date(2025, 12, 1),
    )
    return base.with_changes(**changes)


def test_indicator_period_is_the_year_to_date():
    period = indicators.indicator_period(filters(as_of=dt.date(2024, 10, 31)))
    assert (period.month_from, period.month) == (dt.date(2024, 1, 1), dt.date(2024, 10, 1))
    assert period.as_of == dt.date(2024, 10, 31)
    assert indicators.indicator_period(filters(as_of=dt.date(2024, 10, 15))).as_of == dt.date(2024, 10, 15)
    assert (period.previous.month_from, period.previous.month) == (dt.date(2023, 1, 1), dt.date(2023, 10, 1))
    clamped = indicators.indicator_period(filters(period_to=dt.date(2025, 6, 1)))
    assert (clamped.month_from, clamped.month) == (dt.date(2025, 1, 1), dt.date(2025, 6, 1))
    assert clamped.as_of == dt.date(2025, 6, 30)  # a period ending before the as-of date is judged at its end
    assert indicators.indicator_period(filters(period_to=dt.date(2024, 2, 1))).as_of == dt.date(2024, 2, 29)
    # the months a page draws do not move an indicator: it is always the year to date
    later_start = indicators.indicator_period(filters(period_from=dt.date(2025, 4, 1)))
    assert later_start == indicators.indicator_period(filters())


def test_training_hours_card_splits_when_only_the_parts_have_targets():
    hebei = pd.DataFrame(
        {"indicator_key": ["training_hours_public_law", "training_hours_professional"], "target_id": ["a", "b"]}
    )
    keys = scorecard.kpi_indicators(hebei)
    assert "training_hours_total" not in keys and keys[1:3] == list(scorecard.TRAINING_HOURS_PARTS)
    rizhao = pd.DataFrame({"indicator_key": ["training_hours_total"], "target_id": ["RZ-T01"]})
    assert scorecard.kpi_indicators(rizhao) == list(scorecard.KPI_INDICATORS)
    # any other target of the governing plan gets a card too
    jiangsu = pd.DataFrame({"indicator_key": ["certified_rate", "case_file_pass_rate"], "target_id": ["JS-T02", None]})
    assert scorecard.kpi_indicators(jiangsu) == [*scorecard.KPI_INDICATORS, "certified_rate"]


def test_indicator_cards_show_target_source_and_change(runner):
    catalog = runner.run("indicator_catalog")
    period = indicators.Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    current = indicators.region_indicators(runner.run, "500237", period)
    previous = indicators.region_indicators(runner.run, "500237", period.previous)
    cards = {card.key: card for card in scorecard.indicator_cards(current, previous, catalog, period)}
    satisfaction = cards["satisfaction_rate"]
    assert "WS-T05" in satisfaction.help and "99%以上" in satisfaction.help  # document, clause id and quote
    assert satisfaction.delta_text is not None
    assert current.parent_name in cards["litigation_loss_rate"].status_text  # below the parent's average
    assert cards["legal_review_rate"].judgement == "no_target"
    assert cards["legal_review_rate"].status_text == "无目标"


def test_indicator_cards_define_each_indicator_in_the_card_s_language(runner):
    catalog = runner.run("indicator_catalog").set_index("indicator_key")
    period = indicators.Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    current = indicators.region_indicators(runner.run, "500237", period)
    previous = indicators.region_indicators(runner.run, "500237", period.previous)
    for lang, column, other in (("en", "definition_en", "definition"), ("zh", "definition", "definition_en")):
        cards = scorecard.indicator_cards(current, previous, catalog.reset_index(), period, lang)
        assert cards
        for card in cards:
            assert catalog.loc[card.key, column] in card.help, (lang, card.key)
            assert catalog.loc[card.key, other] not in card.help, (lang, card.key)


def test_most_behind_ranks_by_lagging_share_then_count():
    counts = pd.DataFrame(
        [
            (1, "a", "甲", "r", "overdue", 5),
            (1, "a", "甲", "r", "done_on_time", 95),
            (1, "b", "乙", "r", "overdue", 3),
            (1, "b", "乙", "r", "done_on_time", 7),
            (1, "c", "丙", "r", "behind_schedule", 10),
            (1, "c", "丙", "r", "done_on_time", 90),
            (1, "d", "丁", "r", None, 0),
        ],
        columns=["depth", "region_code", "region_name", "parent_code", "status", "item_count"],
    )
    values = pd.DataFrame(
        columns=[
            "scope",
            "region_code",
            "indicator_key",
            "value",
            "target_id",
            "is_target_due",
            "target_status",
            "comparator",
            "target_value",
            "parent_value",
        ]
    )
    catalog = pd.DataFrame({"indicator_key": [], "name_zh": [], "name_en": []})
    ranked = scorecard.most_behind(counts, values, catalog)
    assert ranked["region_code"].tolist() == ["b", "c", "a"]  # 30 %, then 10 % with 10 items, then 5 %; d left out
    assert ranked["rank"].tolist() == [1, 2, 3]
    assert ranked.loc[0, "judgement"] == "not_met"
    on_time = counts.assign(status=counts["status"].replace({"overdue": "done_late", "behind_schedule": "done_late"}))
    assert scorecard.top_behind(scorecard.most_behind(on_time, values, catalog)).empty


def test_milestone_chart_draws_overdue_in_the_palette_colour(runner):
    counts = runner.run(
        "milestone_status_counts", region_code="320000", as_of="2025-12-31", plan_id=None, task_area=None
    )
    figure = scorecard.milestone_year_figure(scorecard.milestone_year_shares(counts))
    colours = {trace.name: trace.marker.color for trace in figure.data}
    assert colours["逾期未完成"] == status.MILESTONE_COLORS["overdue"]
    shares = scorecard.milestone_year_shares(counts)
    assert shares.groupby("milestone_year")["share_pct"].sum().tolist() == pytest.approx([100.0, 100.0, 100.0])


def test_indicators_of_rows_keeps_every_row_once_per_chosen_indicator(con):
    rows = con.execute(
        """
        with m as (
            select 'a' as label, 12 as period_months, 9 as major_decisions_reviewed, 10 as major_decisions
            union all
            select 'b', 12, null, null
        )
        select label, indicator_key, value from indicators_of_rows(m, ['legal_review_rate', 'certified_rate'])
        order by label, indicator_key
        """
    ).fetchall()
    assert rows == [
        ("a", "certified_rate", None),
        ("a", "legal_review_rate", pytest.approx(90.0)),
        ("b", "certified_rate", None),
        ("b", "legal_review_rate", None),
    ]
