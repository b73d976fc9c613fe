"""The region scope rule at its edges (the nation, the municipalities' placeholder nodes, a township, a sibling, the
parent), and against every region of the database: the code rule is the regions table's own code_prefix and lineage."""

from __future__ import annotations

import pandas as pd
import pytest

from enforcement.access.scope import (
    NATION_CODE,
    Scope,
    ancestors,
    code_prefix,
    common_ancestor,
    visible_rows,
    within,
)

NANJING, XUANWU, SUZHOU, JIANGSU = "320100", "320102", "320500", "320000"
TOWNSHIP = "320102002"  # 梅园新村街道, 玄武区
BEIJING = "110000"  # 北京市
WUSHAN = "500237"  # 巫山县, under 重庆市
DONGGUAN, DONGGUAN_TOWNSHIP = "441900", "441900003"  # a city whose townships have no county above them


def test_the_nation_sees_everything_and_is_inside_nothing_else():
    nation = Scope(NATION_CODE)
    assert nation.is_nation and nation.prefix == "" and nation.depth == 0 and nation.cache_key is None
    for code in (NATION_CODE, JIANGSU, NANJING, TOWNSHIP, WUSHAN, DONGGUAN_TOWNSHIP):
        assert nation.contains(code)
    assert not Scope(JIANGSU).contains(NATION_CODE)
    assert ancestors(NATION_CODE) == ()


def test_a_city_contains_itself_its_counties_and_townships_but_not_its_sibling_or_parent():
    city = Scope(NANJING)
    assert city.contains(NANJING) and city.contains(XUANWU) and city.contains(TOWNSHIP)
    assert not city.contains(SUZHOU)  # a sibling
    assert not city.contains(JIANGSU)  # the parent
    assert city.path == (NATION_CODE, JIANGSU, NANJING) and city.depth == 2
    # Above its region it sees the path down to it, never a sibling.
    assert city.shows(JIANGSU) and city.shows(NATION_CODE) and not city.shows(SUZHOU)
    assert city.options([SUZHOU, NANJING, "320200"]) == [NANJING]


def test_a_township_is_a_scope_of_its_own():
    township = Scope(TOWNSHIP)
    assert township.prefix == TOWNSHIP and township.depth == 4
    assert township.contains(TOWNSHIP) and not township.contains(XUANWU) and not township.contains("320102003")
    assert township.path == (NATION_CODE, JIANGSU, NANJING, XUANWU, TOWNSHIP)


def test_the_municipalities_counties_hang_from_the_municipality():
    """The code list's 市辖区 and 县 (and 省直辖县级行政区划) group counties; they are not regions (load_regions.sql),
    so a county's path runs from the municipality (or province) straight to it."""
    assert Scope(BEIJING).contains("110101") and Scope(BEIJING).contains("110101001")
    assert ancestors("110101") == (NATION_CODE, BEIJING)
    assert ancestors(WUSHAN) == (NATION_CODE, "500000")
    assert ancestors(WUSHAN + "001") == (NATION_CODE, "500000", WUSHAN)
    assert ancestors("469001") == (NATION_CODE, "460000")  # 五指山市, directly under 海南省
    assert Scope(WUSHAN).path == (NATION_CODE, "500000", WUSHAN) and Scope(WUSHAN).depth == 2


def test_a_city_without_counties_holds_its_townships_directly():
    assert ancestors(DONGGUAN_TOWNSHIP) == (NATION_CODE, "440000", DONGGUAN)
    assert Scope(DONGGUAN).contains(DONGGUAN_TOWNSHIP) and not Scope("441800").contains(DONGGUAN_TOWNSHIP)


def test_a_request_outside_the_scope_falls_back_to_the_own_region():
    city = Scope(NANJING)
    assert city.confine(None) == city.confine("") and not city.confine(None).refused
    assert city.confine(None).region_code == NANJING
    assert city.confine(XUANWU).region_code == XUANWU and not city.confine(XUANWU).refused
    for outside in (SUZHOU, JIANGSU, NATION_CODE, "'; drop table regions; --", "3201", "32010200"):
        landed = city.confine(outside)
        assert landed.refused and landed.region_code == NANJING, outside


def test_malformed_codes_are_in_no_scope():
    assert not within("3201xx", NATION_CODE) and not within("", NATION_CODE) and not within(None, NANJING)
    with pytest.raises(ValueError):
        Scope("not a code")


def test_common_ancestor_of_an_imports_rows():
    assert common_ancestor([XUANWU, TOWNSHIP]) == XUANWU
    assert common_ancestor([XUANWU, "320104"]) == NANJING
    assert common_ancestor([XUANWU, SUZHOU]) == JIANGSU
    assert common_ancestor([XUANWU, WUSHAN]) == NATION_CODE
    assert common_ancestor([]) is None


def test_visible_rows_keep_the_subtree_and_the_path_and_drop_siblings():
    # What child_indicator_values returns when run on 江苏省 (the overview of 南京市 needs its own row and the parent's).
    frame = pd.DataFrame(
        {
            "scope": ["child", "child", "child", "total"],
            "region_code": [NANJING, SUZHOU, "320200", JIANGSU],
            "value": [1.0, 2.0, 3.0, 2.0],
        }
    )
    shown = visible_rows(frame, Scope(NANJING))
    assert shown["region_code"].tolist() == [NANJING, JIANGSU]
    assert visible_rows(frame, Scope(NATION_CODE)) is frame and visible_rows(frame, None) is frame
    assert visible_rows(frame.drop(columns="region_code"), Scope(NANJING)).shape == (4, 2)


# ----------------------------------------------------------------------------------------------- every region


def test_the_code_rule_is_the_region_tables_prefix_and_lineage(con):
    rows = con.execute("select region_code, code_prefix, lineage from regions").fetchall()
    assert len(rows) > 44_000
    wrong_prefix = [code for code, prefix, _ in rows if code_prefix(code) != prefix]
    wrong_lineage = [
        code for code, _, lineage in rows if code != NATION_CODE and ancestors(code) != (NATION_CODE, *lineage[:-1])
    ]
    assert wrong_prefix == [] and wrong_lineage == []


def test_the_scope_of_every_city_is_its_subtree_in_the_table(con):
    # Membership by code equals membership by the table's lineage, for every region under every city.
    pairs = con.execute(
        """select c.region_code, r.region_code, list_contains(r.lineage, c.region_code) as inside
           from regions as c, regions as r
           where c.level = 'city' and r.province_code = c.province_code"""
    ).fetchall()
    assert len(pairs) > 100_000
    assert [(city, code) for city, code, inside in pairs if within(code, city) != inside] == []
