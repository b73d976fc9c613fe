"""Every page opened by a hostile link: unknown codes, impossible dates, SQL-looking text, huge or odd strings.

Each page must render without an exception, say which link parameter it ignored, fall back to the default view
and drop the bad value from the address, for the shared filters and for the page's own parameters alike.
The page file itself is AppTest's entrypoint, so the hostile query string reaches that page's first run (as a
shared link does), not a run of the overview that would have cleaned it first.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from enforcement.content import cases, drilldown, training
from tests.conftest import PROJECT

SHARED = ("region", "as_of", "since", "from", "to", "plan", "area", "domain", "lang")
# The page's own URL parameters and the widget (session-state key) that shows each, with its default value.
PAGES = {
    "app.py": {},
    "pages/1_milestones.py": {"tr": ("p_tr", False), "m": ("p_m", None)},
    "pages/2_ledger.py": {"st": ("p_st", []), "unit": ("p_unit", [])},
    "pages/3_training.py": {"ti": ("p_ti", training.RANKABLE[0])},
    "pages/4_cases.py": {"ci": ("p_ci", cases.RANKABLE[0])},
    "pages/5_regions.py": {"ind": ("regions_ind", drilldown.DEFAULT_INDICATOR)},
    "pages/6_export.py": {"ds": ("x_dataset", "cases"), "lvl": ("x_level", "")},
    "pages/7_import.py": {},
}
PAGE_PARAMS = sorted({param for params in PAGES.values() for param in params})


def _every(value: str) -> dict[str, str]:
    return {param: value for param in (*SHARED, *PAGE_PARAMS)}


HOSTILE = {
    "unknown codes": {
        "region": "999999",
        "plan": "XX-2099",
        "area": "不存在的任务领域",
        "domain": "nuclear",
        "lang": "fr",
        "ind": "unknown_rate",
        "st": "frozen",
        "unit": "不存在的单位",
        "m": "ZZ-M999",
        "tr": "2",
        "ti": "bogus_hours",
        "ci": "bogus_rate",
        "ds": "passwords",
        "lvl": "planet",
    },
    "impossible dates": {
        "as_of": "2024-02-30",
        "since": "2023-13-01",
        "from": "2025-00",
        "to": "1999-12",
        "st": "2024-02-30",
        "m": "2024-02-30",
        "ti": "0000-00-00",
        "ci": "2024-02-30",
        "ind": "2024-02-30",
        "ds": "2024-02-30",
        "lvl": "2024-02-30",
        "tr": "2024-02-30",
        "unit": "2024-02-30",
    },
    "sql-looking text": {
        **_every("' OR '1'='1"),
        "region": "371100'; drop table regions; --",
        "as_of": "2024-10-31' or 1=1 --",
        "plan": "RZ') union select * from meta --",
        "ind": "legal_review_rate; drop table case_stats",
    },
    "very long strings": {**_every("9" * 10_000), "region": "3" * 100_000, "ind": "汉" * 20_000},
    "odd unicode and control characters": {
        **_every("\u202e\u0000\t\r\n😀"),
        "region": "３７１１００",  # full-width digits: not a code
        "as_of": "２０２４-１０-３１",
        "plan": "rizhao\u200b",
    },
    "repeated values, last one bad": {
        "region": ["371100", "not-a-region"],
        "as_of": ["2024-10-31", "2024-10-32"],
        "ind": ["legal_review_rate", "nope"],
        "st": ["overdue", "not_a_status"],
        "ds": ["training", "nope"],
        "ti": ["exam_sampling_rate", "nope"],
        "ci": ["legal_review_rate", "nope"],
        "m": ["JS-M004", "nope"],
    },
}


def _last(value: str | list[str]) -> str:
    return value[-1] if isinstance(value, list) else value


def _expected_notices(page: str, params: dict[str, str | list[str]]) -> set[str]:
    """The parameters the page must name in a notice: the shared filters and the page's own ones it was given."""
    owned = set(SHARED) | set(PAGES[page])
    return {param for param, value in params.items() if param in owned and _last(value).strip("\t\r\n ")}


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("page", list(PAGES))
def test_a_hostile_link_falls_back_with_a_notice(sample_db, con, page, case):
    params = HOSTILE[case]
    at = AppTest.from_file(str(PROJECT / page), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()

    assert not at.exception, [e.value for e in at.exception]
    notices = [w.value for w in at.warning]
    # A notice names the parameter: "… region=999999 无法识别" or, for one given twice, "… region 出现了 2 次".
    named = {
        param
        for param in _expected_notices(page, params)
        if any(f" {param}=" in n or f" {param} " in n for n in notices)
    }
    assert named == _expected_notices(page, params), notices
    assert all(len(n) < 400 for n in notices)  # a huge value is cut in the notice

    # Back to the default view: whole country, latest data, Chinese, and the page's own defaults.
    data_as_of = dt.date.fromisoformat(con.execute("select value from meta where key = 'data_as_of'").fetchone()[0])
    assert at.session_state["f_region_0"] == ""
    assert at.session_state["f_as_of"] == data_as_of
    assert at.session_state["f_lang"] == "zh"
    repeated = case == "repeated values, last one bad"
    for param, (widget, default) in PAGES[page].items():
        if param in params and widget in at.session_state:
            value = at.session_state[widget]
            if repeated and param == "st":  # the known value of a list parameter stays, the unknown one goes
                assert value == ["overdue"]
            elif default is None:  # the first milestone of the plan shown
                assert value == at.selectbox(key=widget).options[0].split(" ")[0]
            else:
                assert value == default, (param, value)

    # The address no longer carries any bad value of a parameter this page reads.
    owned = set(SHARED) | set(PAGES[page])
    for param in owned & set(params):
        left = at.query_params.get(param)
        left = left if isinstance(left, list) else [left]
        assert _last(params[param]) not in left, (param, left)
        if not repeated:
            assert left == [None], (param, left)
