"""The first page, with AppTest: renders at every level, follows the filters, and shows the database's numbers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.i18n import status_label
from tests.conftest import PROJECT


def run_app(sample_db, **params):
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("region", ["000000", "320000", "371100", "371102", "371102001"])
def test_renders_at_every_level(sample_db, region):
    at = run_app(sample_db, region=region)
    assert not at.exception
    assert any("示例数据" in w.value for w in at.warning)


def overdue_2024(at):
    table = at.dataframe[0].value
    return int(table.loc["2024", status_label("overdue")])


def test_table_equals_an_independent_count(sample_db, con):
    at = run_app(sample_db, region="371100", as_of="2024-12-31")
    expected = con.execute(
        """
        select count(*) from milestone_status_as_of(date '2024-12-31')
        where region_code like '3711%' and milestone_year = 2024 and status = 'overdue'
        """
    ).fetchone()[0]
    assert expected > 0
    assert overdue_2024(at) == expected


def test_changing_region_or_date_changes_the_numbers(sample_db):
    base = overdue_2024(run_app(sample_db, region="320000", as_of="2024-12-31"))
    assert overdue_2024(run_app(sample_db, region="371100", as_of="2024-12-31")) != base
    assert overdue_2024(run_app(sample_db, region="320000", as_of="2025-12-31")) != base


def test_bad_link_falls_back_with_a_notice(sample_db):
    at = run_app(sample_db, region="'; drop table regions; --", as_of="2024-02-30")
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("region" in n for n in notices) and any("as_of" in n for n in notices)


def test_english_switch(sample_db):
    at = run_app(sample_db, lang="en", region="500237")
    assert not at.exception
    assert at.title[0].value.startswith("Overview")
    assert any("Sample data" in w.value for w in at.warning)
