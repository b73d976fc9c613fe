"""Subtree aggregation: a region's figures are its own agencies' plus all its descendants', computed in SQL.

The expected values are computed independently in Python from the raw rows and the parent links of
regions.csv/townships.csv (not from code prefixes), so a broken range or lineage in SQL would show.
"""

from __future__ import annotations

import pandas as pd
import pytest

MONTHS = ("2024-01-01", "2024-12-01")


@pytest.fixture(scope="module")
def parents(con) -> dict[str, str]:
    return dict(con.execute("select region_code, parent_code from regions").fetchall())


def descendants_of(root: str, parents: dict[str, str]) -> set[str]:
    children: dict[str, list[str]] = {}
    for code, parent in parents.items():
        children.setdefault(parent, []).append(code)
    found, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def python_total(con, root, parents, column, table="case_stats"):
    frame = con.execute(
        f"select region_code, {column} as v from {table} where period_month between ? and ?", list(MONTHS)
    ).df()
    return int(frame[frame["region_code"].isin(descendants_of(root, parents))]["v"].sum())


@pytest.mark.parametrize("root", ["320000", "320100", "320102", "371100", "500237", "441900", "000000"])
def test_subtree_total_equals_independent_sum(con, parents, root):
    sql_total = con.execute(
        "select sum(count_penalty) from subtree_monthly(?, ?::date, ?::date, null)", [root, *MONTHS]
    ).fetchone()[0]
    assert sql_total == python_total(con, root, parents, "count_penalty")
    assert sql_total > 0


def test_province_is_own_agencies_plus_its_cities(con):
    by_child = con.execute(
        "select child_code, sum(lawsuits) from subtree_monthly('320000', ?::date, ?::date, null) group by 1",
        list(MONTHS),
    ).df()
    own = by_child[by_child["child_code"].isna()].iloc[0, 1]
    cities = by_child[by_child["child_code"].notna()]
    assert len(cities) == 13  # 江苏's 13 设区市
    own_direct = con.execute(
        "select sum(lawsuits) from case_stats where region_code = '320000' and period_month between ? and ?",
        list(MONTHS),
    ).fetchone()[0]
    assert own == own_direct and own > 0
    total = con.execute(
        "select sum(lawsuits) from subtree_monthly('320000', ?::date, ?::date, null)", list(MONTHS)
    ).fetchone()[0]
    assert total == own + cities.iloc[:, 1].sum()


def test_children_of_a_city_without_counties_are_townships(con):
    children = con.execute(
        "select distinct child_code from subtree_monthly('441900', ?::date, ?::date, null) where child_code is not null",
        list(MONTHS),
    ).df()["child_code"]
    assert len(children) > 20 and all(len(code) == 9 for code in children)


def test_domain_filter_restricts_cases(con, parents):
    total = con.execute(
        "select sum(count_penalty) from subtree_monthly('371100', ?::date, ?::date, 'urban')", list(MONTHS)
    ).fetchone()[0]
    frame = con.execute(
        "select region_code, count_penalty from case_stats where domain_code = 'urban' and period_month between ? and ?",
        list(MONTHS),
    ).df()
    assert total == frame[frame["region_code"].isin(descendants_of("371100", parents))]["count_penalty"].sum()


def test_stocks_are_taken_at_the_period_end_not_summed(con, parents):
    officers = con.execute(
        "select sum(officers) from subtree_period('371100', ?::date, ?::date, null)", list(MONTHS)
    ).fetchone()[0]
    frame = con.execute("select region_code, officers from training_stats where period_month = ?", [MONTHS[1]]).df()
    expected = frame[frame["region_code"].isin(descendants_of("371100", parents))]["officers"].sum()
    assert officers == expected
    assert isinstance(officers, (int, float)) and officers == pytest.approx(float(pd.Series([expected]).iloc[0]))


# (macro, fact table, source name as in a sources list)
MEASURE_LISTS = [
    ("case_measures", "case_stats", "cases"),
    ("training_measures", "training_stats", "training"),
    ("capacity_measures", "capacity_stats", "capacity"),
    ("survey_measures", "satisfaction_surveys", "surveys"),
]
NOT_MEASURES = {"region_code", "period_month", "domain_code", "agency_code", "is_sample", "import_id"}


def listed(con, macro: str) -> set[str]:
    return set(con.execute(f"select {macro}()").fetchone()[0])


@pytest.mark.parametrize(("macro", "table", "source"), MEASURE_LISTS)
def test_each_sources_measure_list_is_its_tables_measure_columns(con, macro, table, source):
    columns = con.execute("select column_name from information_schema.columns where table_name = ?", [table]).fetchall()
    assert listed(con, macro) == {name for (name,) in columns} - NOT_MEASURES
    assert listed(con, "stock_measures") <= listed(con, "measure_names")


@pytest.mark.parametrize("sources", [["cases"], ["training"], ["surveys"], ["capacity", "cases"]])
def test_a_sources_list_narrows_the_columns_and_keeps_the_values(con, sources):
    def period(with_sources):
        sql = "select * from subtree_period('320000', ?::date, ?::date, null, sources := ?) order by child_code"
        return con.execute(sql, [*MONTHS, with_sources]).df().set_index("child_code")

    narrow, everything = period(sources), period(None)
    measures = listed(con, "measure_names")
    wanted = set().union(*(listed(con, macro) for macro, _, source in MEASURE_LISTS if source in sources))
    assert set(narrow.columns) & measures == wanted
    assert set(everything.columns) & measures == measures
    assert narrow[sorted(wanted)].notna().any().all()
    for column in wanted:
        pd.testing.assert_series_equal(narrow[column], everything[column], check_dtype=False)
