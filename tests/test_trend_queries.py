"""The trend macros and queries behind the 培训 and 案件 pages, checked against the raw tables.

Expected values are computed here with their own SQL over training_stats/case_stats, with subtrees taken as
region_code LIKE '<prefix>%' (not in_subtree) and the formulas written out, so a broken macro would show.
"""

from __future__ import annotations

import pandas as pd
import pytest

from enforcement.content.indicators import indicator_params, sources_of
from enforcement.transfer import datasets

ALL = {"month_from": "2023-01-01", "month_to": "2025-12-01"}
# The indicator queries' one period: the year to date at a month (January to December 2025 here).
YEAR_2025 = {"month": "2025-12-01", "as_of": "2025-12-31"}
# No domain and no plan chosen (each region's own plan).
NO_CHOICE = {"domain_code": None, "plan_id": None}
TRAINING_KEYS = ["full_rotation_rate", "training_hours_total", "exam_sampling_rate", "township_training_coverage"]


def one(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()


def ytd_totals(runner, region_code: str, keys: list[str], month_from: str, month_to: str, as_of: str) -> pd.DataFrame:
    """indicators_ytd_by_month for the region alone (no child rows), no domain or plan chosen."""
    months = dict(month_from=month_from, month_to=month_to, as_of=as_of)
    keyed = indicator_params(runner.run, keys)
    return runner.run(
        "indicators_ytd_by_month", region_code=region_code, **months, **keyed, **NO_CHOICE, children_for=[]
    )


# ----------------------------------------------------------------------------------------------- year to date


def test_ytd_hours_count_from_january_even_when_the_period_starts_later(con):
    hours, officers = one(
        con,
        """
        select
            (select sum(public_law_hours + professional_hours) from training_stats
             where region_code like '3711%' and period_month between date '2024-01-01' and date '2024-06-01'),
            (select sum(officers) from training_stats where region_code like '3711%' and period_month = date '2024-06-01')
        """,
    )
    value = one(
        con,
        """
        with y as (
            select 1 as row_no, any_value(period_months) as period_months,
                sum(columns(* exclude (child_code, period_month, period_months, is_sample)))
            from subtree_ytd('371100', date '2024-04-01', date '2024-06-01', null)
            where period_month = date '2024-06-01'
        )
        select value from indicator_values_of(y) where indicator_key = 'training_hours_total'
        """,
    )[0]
    assert value == pytest.approx(hours / officers)
    months = con.execute(
        "select distinct period_month from subtree_ytd('371100', date '2024-04-01', date '2024-06-01', null) order by 1"
    ).fetchall()
    assert [str(m[0]) for m in months] == ["2024-04-01", "2024-05-01", "2024-06-01"]


def test_ytd_restarts_each_january(runner):
    rows = ytd_totals(runner, "500237", ["training_hours_total"], "2024-11-01", "2025-02-01", as_of="2025-02-28")
    total = rows[rows["is_total"]].set_index("period_month")["value"]
    values = [total[month] for month in sorted(total.index)]
    assert values[0] < values[1]  # Nov < Dec 2024
    assert values[2] < values[1] / 6  # Jan 2025 starts again
    assert values[2] < values[3]


@pytest.mark.parametrize("region_code", ["000000", "371100", "500237"])
@pytest.mark.parametrize("children_for", [[], ["full_rotation_rate"]])
def test_ytd_child_rows_only_for_the_indicators_asked(runner, region_code, children_for):
    keys = ["legal_review_rate", "full_rotation_rate", "exam_sampling_rate"]
    params = dict(
        region_code=region_code,
        month_from="2024-03-01",
        month_to="2025-02-01",
        as_of="2025-02-28",
        **NO_CHOICE,
        **indicator_params(runner.run, keys),
    )
    every = runner.run("indicators_ytd_by_month", **params, children_for=keys)
    some = runner.run("indicators_ytd_by_month", **params, children_for=children_for)
    assert (~every["is_total"]).any()
    expected = every[every["is_total"] | every["indicator_key"].isin(children_for)]
    assert len(expected[expected["is_total"]]) == 12 * 3
    assert len(expected) < len(every)

    # compared as plain values: pandas types a column that is all null here (child_code) as object, not str
    def plain(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)

    pd.testing.assert_frame_equal(plain(some), plain(expected))


def test_ytd_total_row_equals_an_independent_computation(con, runner):
    sampled, officers = one(
        con,
        """
        select
            (select sum(exam_sampled) from training_stats
             where region_code like '13%' and period_month between date '2024-01-01' and date '2024-10-01'),
            (select sum(officers) from training_stats where region_code like '13%' and period_month = date '2024-10-01')
        """,
    )
    rows = ytd_totals(runner, "130000", TRAINING_KEYS, "2023-01-01", "2024-10-01", as_of="2024-10-31")
    assert rows["is_total"].all()
    row = rows[rows["indicator_key"] == "exam_sampling_rate"].set_index("period_month")
    assert row.loc[max(row.index), "value"] == pytest.approx(100.0 * sampled / officers)
    # Hebei's 2024 ratio is 60 %: in October the pro-rated target is 50 %
    assert row.loc[max(row.index), "target_value"] == 60


# ----------------------------------------------------------------------------------------------- by domain, by agency


def test_by_domain_sums_the_domain_and_adds_up_to_the_subtree(con, runner):
    rows = runner.run(
        "indicators_by_domain",
        region_code="320000",
        **YEAR_2025,
        plan_id=None,
        **indicator_params(runner.run, ["legal_review_rate"]),
    )
    expected = dict(
        con.execute(
            """
            select domain_code, 100.0 * sum(major_decisions_reviewed) / sum(major_decisions) from case_stats
            where region_code like '32%' and period_month between date '2025-01-01' and date '2025-12-01'
            group by domain_code
            """
        ).fetchall()
    )
    by_domain = rows[~rows["is_total"]].set_index("domain_code")["value"]
    assert set(by_domain.index) == set(expected)
    for domain, value in expected.items():
        assert by_domain[domain] == pytest.approx(value)
    total = rows[rows["is_total"]].iloc[0]
    penalties = one(
        con,
        "select sum(count_penalty) from case_stats where region_code like '32%' and period_month between ? and ?",
        ["2025-01-01", "2025-12-01"],
    )[0]
    assert total["count_penalty"] == penalties
    assert (rows[~rows["is_total"]]["parent_value"] == total["value"]).all()


def test_by_agency_takes_headcounts_at_the_period_end_and_follows_the_domain(con, runner):
    rotation_2024 = dict(
        region_code="371100",
        month="2024-12-01",
        as_of="2024-12-31",
        plan_id=None,
        **indicator_params(runner.run, ["full_rotation_rate"]),
    )
    rows = runner.run("indicators_by_agency", **rotation_2024, domain_code=None)
    agencies = rows[~rows["is_total"]].set_index("agency_code")
    justice_officers = one(
        con,
        "select sum(officers) from training_stats where region_code like '3711%' and agency_code = 'justice' "
        "and period_month = date '2024-12-01'",
    )[0]
    assert agencies.loc["justice", "officers"] == justice_officers
    assert "township_team" in agencies.index
    market = runner.run("indicators_by_agency", **rotation_2024, domain_code="market")
    assert market[~market["is_total"]]["agency_code"].tolist() == ["market"]


def test_case_counts_by_month_equal_raw_sums(con, runner):
    rows = runner.run("case_counts_by_month", region_code="371102", **ALL, domain_code="urban").set_index(
        "period_month"
    )
    expected = dict(
        con.execute(
            """
            select period_month, sum(count_inspection) from case_stats
            where region_code like '371102%' and domain_code = 'urban' group by period_month
            """
        ).fetchall()
    )
    assert len(rows) == 36
    for month, value in expected.items():
        assert rows.loc[str(month), "count_inspection"] == value


# ----------------------------------------------------------------------------------------------- by child


def test_by_child_total_equals_the_indicator_values_query(runner):
    params = dict(region_code="130000", domain_code=None)
    rows = runner.run(
        "indicators_by_child", **params, **YEAR_2025, plan_id=None, **indicator_params(runner.run, TRAINING_KEYS)
    )
    reference = runner.run("indicator_values", **params, month_from="2025-01-01", month_to="2025-12-01")
    reference = reference.set_index("indicator_key")["value"]
    total = rows[rows["is_total"]].set_index("indicator_key")["value"]
    for key in TRAINING_KEYS:
        assert total[key] == pytest.approx(reference[key])
    children = rows[rows["scope"] == "child"]
    assert children["child_code"].nunique() == 12  # 11 设区市 and 雄安新区
    own = rows[rows["scope"] == "own"]
    assert own["child_code"].isna().all() and (own["region_code"] == "130000").all()  # the province's own agencies


def test_litigation_losses_of_townships_are_judged_against_their_county(runner):
    rows = runner.run(
        "indicators_by_child",
        region_code="500237",
        **YEAR_2025,
        domain_code=None,
        plan_id=None,
        **indicator_params(runner.run, ["litigation_loss_rate"]),
    )
    county = rows[rows["is_total"]].iloc[0]["value"]
    townships = rows[(rows["scope"] == "child") & rows["value"].notna()]
    assert len(townships) > 5
    for _, row in townships.iterrows():
        assert row["comparator"] == "below_parent_avg"
        assert row["parent_value"] == pytest.approx(county)
        assert row["target_status"] == ("met" if row["value"] < county else "not_met")


# ----------------------------------------------------------------------------------------------- targets


def targets(con, region, plan=None):
    return con.execute(
        "select indicator_key, target_year, target_value, plan_id from region_targets([?], chosen_plans(?)) order by all",
        [region, plan],
    ).fetchall()


def test_targets_of_the_governing_plan(con):
    rizhao = targets(con, "371100")
    assert {row[3] for row in rizhao} == {"rizhao"}
    assert ("training_hours_total", None, 60.0, "rizhao") in rizhao
    # the ledger repeats some targets: one per indicator and year
    assert len({(row[0], row[1]) for row in rizhao}) == len(rizhao)
    hebei = [row for row in targets(con, "130100") if row[0] == "exam_sampling_rate"]
    assert [(row[1], row[2]) for row in hebei] == [(2023, 30.0), (2024, 60.0), (2025, 100.0)]


def test_no_plan_no_targets_unless_one_is_chosen(con):
    assert targets(con, "000000") == []
    assert targets(con, "370000") == []  # 山东省: only 日照 has a plan
    chosen = targets(con, "000000", "hebei")
    assert chosen and {row[3] for row in chosen} == {"hebei"}


def test_targets_only_for_the_levels_the_plan_names(con):
    # 日照's targets bind cities and counties, not townships; 河北's township coverage binds townships only,
    # but a province's view holds townships, so it applies there too
    assert targets(con, "371102001") == []
    assert ("township_training_coverage", None, 100.0, "hebei") in targets(con, "130000")
    assert ("township_training_coverage", None, 100.0, "hebei") in targets(con, "130102001")


def test_the_nearest_plan_wins(schema_con):
    schema_con.execute(
        """
        insert into plans values ('shandong_test', '370000', '山东省', null, '测试方案', null, date '2023-01-01',
            'none', '测试', null);
        insert into targets values ('SD-T01', 'shandong_test', 1, '一', 'training_hours_total', '学时', '>=', 40, '学时',
            null, null, '全省', ['province', 'city', 'county'], null, '测试');
        """
    )
    rizhao = targets(schema_con, "371100")
    assert {row[3] for row in rizhao} == {"rizhao"}
    assert ("training_hours_total", None, 60.0, "rizhao") in rizhao
    assert targets(schema_con, "370100") == [("training_hours_total", None, 40.0, "shandong_test")]


@pytest.mark.parametrize("plan_id", [None, "hebei"])
def test_region_targets_of_every_region_follow_the_rule(con, plan_id):
    # The rule written out: a plan governs a region when the region's code starts with the issuer's code prefix
    # (or it is the plan chosen); the target must name the region's level or one below it; per (region, indicator,
    # year) the plan issued nearest the region wins (the deepest issuer), then plan_id, then the clause order.
    regions = con.execute("select region_code, level_no from regions").fetchall()
    plans = con.execute(
        "select p.plan_id, i.code_prefix, i.level_no from plans as p join regions as i on i.region_code = p.issuer_region_code"
    ).fetchall()
    targets_rows = con.execute(
        "select target_id, plan_id, indicator_key, target_year, applies_to_levels, seq from targets"
    ).fetchall()
    best: dict[tuple, tuple] = {}
    for region, level_no in regions:
        for plan, prefix, issuer_level in plans:
            governs = plan == plan_id if plan_id else region.startswith(prefix)
            if not governs:
                continue
            for target, target_plan, key, year, levels, seq in targets_rows:
                if target_plan != plan or not set(levels) & set(datasets.LEVELS[level_no:]):
                    continue
                rank = (-issuer_level, plan, seq)
                if (region, key, year) not in best or rank < best[(region, key, year)][0]:
                    best[(region, key, year)] = (rank, target)
    expected = sorted((region, key, year, target) for (region, key, year), (_, target) in best.items())
    got = con.execute(
        "select region_code, indicator_key, target_year, target_id from region_targets(?, chosen_plans(?))",
        [[code for code, _ in regions], plan_id],
    ).fetchall()
    assert len(expected) > 100
    assert sorted(got, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "year, expected",
    [(2023, 30.0), (2024, 60.0), (2025, 100.0), (2026, 100.0)],
)
def test_the_yearly_target_in_force(con, year, expected):
    value = one(
        con,
        """
        select target_value from region_targets(['130000'], null) where indicator_key = 'exam_sampling_rate'
        order by target_precedence(target_year, ?) limit 1
        """,
        [year],
    )[0]
    assert value == expected


def test_a_target_set_for_a_later_year_applies_ahead_and_stays_in_force(con):
    def in_force(year):
        return one(
            con,
            """
            select target_year from region_targets(['130000'], null) where indicator_key = 'full_rotation_rate'
            order by target_precedence(target_year, ?) limit 1
            """,
            [year],
        )[0]

    assert in_force(2023) == in_force(2024) == in_force(2025) == 2024


@pytest.mark.parametrize(
    "key, value, comparator, target, deadline, month, ytd, expected",
    [
        # the year so far against the pro-rated target: 60 % by year end is 50 % in October
        ("exam_sampling_rate", 50.0, ">=", 60, "2024-12-31", "2024-10-01", True, "met"),
        ("exam_sampling_rate", 49.9, ">=", 60, "2024-12-31", "2024-10-01", True, "behind_schedule"),
        ("exam_sampling_rate", 59.9, ">=", 60, "2024-12-31", "2024-12-01", True, "not_met"),
        # '= 100 %' is a floor to keep pace with during the year
        ("exam_sampling_rate", 90.0, "=", 100, "2025-12-31", "2025-10-01", True, "met"),
        ("exam_sampling_rate", 99.0, "=", 100, "2025-12-31", "2025-12-01", True, "not_met"),
        ("training_hours_total", 5.0, ">=", 60, None, "2024-01-01", True, "met"),
        # over a whole period the value is already a yearly figure: no pro-rating
        ("training_hours_total", 55.0, ">=", 60, None, "2024-06-01", False, "not_met"),
        # other targets: not due before the deadline's month, judged in it and after
        ("full_rotation_rate", 80.0, "=", 100, "2024-06-30", "2024-05-01", False, "not_due"),
        ("full_rotation_rate", 80.0, "=", 100, "2024-06-30", "2024-06-01", False, "not_met"),
        ("full_rotation_rate", 100.0, "=", 100, "2024-06-30", "2024-05-01", False, "met"),
        ("full_rotation_rate", None, "=", 100, "2024-06-30", "2024-07-01", False, "no_data"),
        # leap day deadline
        ("legal_review_rate", 99.0, "=", 100, "2024-02-29", "2024-02-01", False, "not_met"),
        ("legal_review_rate", 99.0, "=", 100, "2024-03-01", "2024-02-01", False, "not_due"),
    ],
)
def test_target_status_in_month(con, key, value, comparator, target, deadline, month, ytd, expected):
    status = one(
        con,
        "select target_status_in_month(?, ?::double, ?, ?::double, null, ?::date, ?::date, ?)",
        [key, value, comparator, target, deadline, month, ytd],
    )[0]
    assert status == expected


@pytest.mark.parametrize(
    ("name", "keys", "extra"),
    [
        ("indicators_by_child", TRAINING_KEYS, {"domain_code": None, **YEAR_2025}),
        ("indicators_by_child", ["legal_review_rate", "litigation_loss_rate"], {"domain_code": None, **YEAR_2025}),
        (
            "indicators_ytd_by_month",
            ["legal_review_rate", "case_file_pass_rate"],
            {
                "domain_code": None,
                "children_for": ["legal_review_rate", "case_file_pass_rate"],
                **ALL,
                "as_of": "2025-12-31",
            },
        ),
        ("indicators_by_agency", TRAINING_KEYS, {"domain_code": None, **YEAR_2025}),
        ("indicators_by_domain", ["legal_review_rate", "head_appearance_rate"], YEAR_2025),
    ],
)
@pytest.mark.parametrize("region_code", ["000000", "320000", "320102"])
def test_reading_only_the_indicators_sources_changes_no_value(runner, name, keys, extra, region_code):
    params = {"region_code": region_code, "plan_id": None, "indicator_keys": keys, **extra}
    sources = sources_of(runner.run("indicator_catalog"), keys)
    assert 0 < len(sources) < 4
    narrow = runner.run(name, **params, sources=sources)
    wide = runner.run(name, **params, sources=["cases", "training", "capacity", "surveys"])
    columns = ["indicator_key", "value", "target_status"]
    assert narrow["value"].notna().sum() > 0
    assert len(narrow) == len(wide)
    pd.testing.assert_frame_equal(narrow[columns], wide[columns])  # values to a relative 1e-5 (float sums)


def applying_target(targets: list[tuple], year: int):
    """The rule written out: the latest yearly target up to the year, else a standing one, else the next one ahead."""
    past = [t for t in targets if t[1] is not None and t[1] <= year]
    if past:
        return max(past, key=lambda t: t[1])[0]
    standing = [t for t in targets if t[1] is None]
    if standing:
        return standing[0][0]
    return min(targets, key=lambda t: t[1])[0]


@pytest.mark.parametrize(
    ("regions", "plan_id"),
    [(["320000", "320102", "371100"], None), (["000000", "371102001"], "jiangsu")],
)
def test_targets_by_year_picks_the_target_that_applies_each_year(con, regions, plan_id):
    candidates = con.execute(
        "select region_code, indicator_key, target_id, target_year from region_targets(?, chosen_plans(?))",
        [regions, plan_id],
    ).fetchall()
    by_pair: dict[tuple, list[tuple]] = {}
    for region, key, target, year in candidates:
        by_pair.setdefault((region, key), []).append((target, year))
    expected = sorted(
        (region, year, key, applying_target(targets, year))
        for (region, key), targets in by_pair.items()
        for year in range(2023, 2027)
    )
    got = con.execute(
        "select region_code, in_year, indicator_key, target_id from targets_by_year(?, chosen_plans(?), 2023, 2026)",
        [regions, plan_id],
    ).fetchall()
    assert len(expected) > 0
    assert sorted(got) == expected
    # governing_targets on a year's last day is that year's row
    on_date = con.execute(
        "select region_code, indicator_key, target_id from governing_targets(?, date '2024-12-31', chosen_plans(?))",
        [regions, plan_id],
    ).fetchall()
    assert sorted(on_date) == sorted((r, k, t) for r, y, k, t in expected if y == 2024)


def test_a_child_that_reported_nothing_in_a_month_keeps_its_year_so_far(writable_copy):
    """The monthly query's row of a month is indicators_by_child at that month, also for a child with no row in that
    month: its flows so far this year still count (it was left out of the month before)."""
    from enforcement.storage import rollups
    from enforcement.storage.runner import QueryRunner

    runner = QueryRunner(writable_copy)
    keys = ["legal_review_rate", "training_hours_total", "full_rotation_rate"]
    keyed = indicator_params(runner.run, keys)
    gap, child = "2024-05-01", "371102"  # 东港区 of 日照市 reports nothing in May 2024
    for table in ("case_stats", "training_stats"):
        writable_copy.execute(
            f"delete from {table} where region_code like ? and period_month = ?::date", [child + "%", gap]
        )
    rollups.refresh(runner, [child])
    monthly = runner.run(
        "indicators_ytd_by_month",
        region_code="371100",
        month_from="2024-01-01",
        month_to="2024-12-01",
        as_of="2024-12-31",
        **keyed,
        **NO_CHOICE,
        children_for=keys,
    )
    in_gap = monthly[monthly["period_month"] == pd.Timestamp(gap)]
    assert child in set(in_gap["child_code"])
    at_month = runner.run(
        "indicators_by_child", region_code="371100", month=gap, as_of="2024-12-31", **keyed, **NO_CHOICE
    )

    def by_key(frame: pd.DataFrame) -> dict[tuple, tuple]:
        return {
            (r.child_code if isinstance(r.child_code, str) else "", bool(r.is_total), r.indicator_key): (
                None if pd.isna(r.value) else round(float(r.value), 9),
                r.target_status,
            )
            for r in frame.itertuples(index=False)
        }

    # every row the month shows (the children's, the own agencies', the total) as the ranking has it that month
    shown, ranked = by_key(in_gap), by_key(at_month)
    assert len(shown) == len(in_gap) and {key: ranked.get(key) for key in shown} == shown
    # the stored judgement, refreshed by the import, reads the same months
    span = {"region_code": "371100", "month_from": "2024-01-01", "month_to": "2024-12-01", "as_of": "2024-12-31"}
    stored = runner.run("indicators_ytd_by_month_stored", **span, indicator_keys=keys, children_for=keys)
    every_measure = runner.run(
        "indicators_ytd_by_month", **span, **NO_CHOICE, indicator_keys=keys, sources=None, children_for=keys
    )
    pd.testing.assert_frame_equal(stored, every_measure, check_dtype=False)
    assert by_key(monthly) == by_key(stored)
    # the flows so far: January to April still count for the child in May
    legal = in_gap[(in_gap["child_code"] == child) & (in_gap["indicator_key"] == "legal_review_rate")]
    assert (
        legal["denominator"].iloc[0]
        == writable_copy.execute(
            "select sum(major_decisions) from case_stats where region_code like ? "
            "and period_month between date '2024-01-01' and ?::date",
            [child + "%", gap],
        ).fetchone()[0]
    )
