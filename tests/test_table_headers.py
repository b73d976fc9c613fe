"""Every table on every page is headed in the reader's language: a column the translations do not know would show
its field name (short_name_zh, days_overdue …), which is a code where a name belongs, and English in a Chinese page.
"""

from __future__ import annotations

import re

import pytest

from enforcement.ui.frame import PAGES
from tests.page_runner import run_page

FIELD_NAME = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")  # snake_case: a field name, never a header
CJK = re.compile(r"[\u4e00-\u9fff]")
# Regions where each page has its tables: a province and a city with a plan, with overdue items at the date.
VIEWS = ({"region": "320000", "as_of": "2025-06-30"}, {"region": "371100", "as_of": "2024-12-31"})


def headers(at) -> list[str]:
    return [str(column) for frame in at.dataframe for column in frame.value.columns]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("script", [script for script, _ in PAGES])
def test_every_table_header_is_a_name_in_the_readers_language(sample_db, con, script, lang):
    shown = []
    for view in VIEWS:
        at = run_page(script, lang=lang, **view)
        assert not at.exception
        shown += headers(at)
    assert not [h for h in shown if FIELD_NAME.match(h)], f"field names as headers on {script}"
    if lang == "en":  # a region's own name stays Chinese in English (as on every page): a column per region may
        region_names = {name for (name,) in con.execute("select region_name from regions").fetchall()}
        assert not [h for h in shown if CJK.search(h) and h not in region_names], f"Chinese headers on {script}"


def test_the_overdue_list_leads_with_the_items_name_in_the_readers_language(sample_db, con):
    for lang, name_column in (("zh", "short_name_zh"), ("en", "short_name_en")):
        at = run_page("pages/2_ledger.py", lang=lang, region="371100", as_of="2024-12-31")
        overdue = at.dataframe[-1].value
        names = set(
            row[0]
            for row in con.execute(
                f"select distinct {name_column} from milestones where plan_id = 'rizhao'"  # noqa: S608 (a column name)
            ).fetchall()
        )
        assert len(overdue) > 0 and set(overdue.iloc[:, 0]) <= names
        assert overdue.columns[0] == ("事项" if lang == "zh" else "Item")
