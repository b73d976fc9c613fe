"""The region tree: real GB/T 2260 codes from the data package, a consistent 4-level hierarchy."""

from __future__ import annotations

import pytest


def test_level_counts(con):
    counts = dict(con.execute("select level, count(*) from regions group by level").fetchall())
    assert counts == {"nation": 1, "province": 31, "city": 343, "county": 2975, "township": 41352}


@pytest.mark.parametrize(
    "code, name, level, parent",
    [
        ("320000", "江苏省", "province", "000000"),
        ("440000", "广东省", "province", "000000"),
        ("371100", "日照市", "city", "370000"),
        ("371171", "日照经济技术开发区", "county", "371100"),
        ("371122", "莒县", "county", "371100"),
        ("500237", "巫山县", "county", "500200"),
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
