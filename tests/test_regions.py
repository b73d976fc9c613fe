"""The region tree: real GB/T 2260 codes from the data package, a consistent 4-level hierarchy."""

from __future__ import annotations

import pytest


def test_level_counts(con):
    counts = dict(con.execute("select level, count(*) from regions group by level").fetchall())
    # 343 cities in the code list, less its 9 grouping nodes (市辖区, 县, 省直辖县级行政区划: see the next test)
    assert counts == {"nation": 1, "province": 31, "city": 334, "county": 2975, "township": 41352}


@pytest.mark.parametrize(
    "code, name, level, parent",
    [
        ("320000", "江苏省", "province", "000000"),
        ("440000", "广东省", "province", "000000"),
        ("371100", "日照市", "city", "370000"),
        ("371171", "日照经济技术开发区", "county", "371100"),
        ("371122", "莒县", "county", "371100"),
        ("500237", "巫山县", "county", "500000"),  # 重庆市's, not the code list's grouping "县"
        ("110101", "东城区", "county", "110000"),  # 北京市's, not "市辖区"
        ("469001", "五指山市", "county", "460000"),  # 海南省's, not "省直辖县级行政区划"
        ("130682", "定州市", "county", "130600"),
        ("130181", "辛集市", "county", "130100"),
        ("133100", "雄安新区", "city", "130000"),
        ("441900", "东莞市", "city", "440000"),
        ("371102001", "日照街道", "township", "371102"),
    ],
)
def test_known_regions(con, code, name, level, parent):
    assert con.execute(
        "select region_name, level, parent_code from regions where region_code = ?", [code]
    ).fetchone() == (name, level, parent)


def test_the_code_lists_grouping_nodes_are_not_regions(con):
    """市辖区 and 县 under the municipalities and 省直辖县级行政区划 group counties for the statistics; a leader never
    sees them as regions, and a county's parent average is its municipality's or province's."""
    groupings = con.execute(
        """
        select region_code from regions
        where region_name in ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划') and level = 'city'
        """
    ).fetchall()
    assert groupings == []
    children = {
        code for (code,) in con.execute("select region_code from regions where parent_code = '500000'").fetchall()
    }
    assert {"500101", "500237"} <= children and len(children) == 38  # 重庆's 26 districts and 12 counties
    lineage = con.execute("select lineage from regions where region_code = '500237001'").fetchone()[0]
    assert lineage == ["500000", "500237", "500237001"]


def test_every_parent_exists_one_level_up(con):
    orphans = con.execute(
        """
        select r.region_code from regions as r left join regions as p on p.region_code = r.parent_code
        where r.level <> 'nation' and (p.region_code is null or p.level_no >= r.level_no)
        """
    ).fetchall()
    assert orphans == []


def test_codes_nest_in_their_parents_prefix(con):
    """The invariant the subtree ranges rely on: every code starts with each ancestor's prefix."""
    broken = con.execute(
        """
        select r.region_code from regions as r join regions as p on p.region_code = r.parent_code
        where not starts_with(r.code_prefix, p.code_prefix)
        """
    ).fetchall()
    assert broken == []


def test_townships_under_cities_without_counties(con):
    parents = con.execute(
        "select distinct parent_code from regions where level = 'township' and parent_code like '4419%'"
    ).fetchall()
    assert parents == [("441900",)]


def test_lineage_and_full_name(con):
    row = con.execute("select lineage, full_name from regions where region_code = '371102001'").fetchone()
    assert row == (["370000", "371100", "371102", "371102001"], "山东省 / 日照市 / 东港区 / 日照街道")
