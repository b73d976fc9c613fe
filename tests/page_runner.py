"""Run a page of the app with AppTest, the way a shared link opens it.

app.py stays the entrypoint (as under `streamlit run app.py`, so every page link resolves) and the page is chosen
before the first run, so the link's query string reaches the page's own first run. A page file may also be the
entrypoint itself (AppTest.from_file("pages/x.py")): its links to other pages are then drawn as plain text.
"""

from __future__ import annotations

import json
import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.conftest import PROJECT

# A link's region at every level: none (the nation), a province, a city, a county and a township.
EVERY_LEVEL = [{}, {"region": "130000"}, {"region": "371100"}, {"region": "371102"}, {"region": "371102001"}]


def is_township(params: dict[str, str]) -> bool:
    """Whether a link's region is a township: it has no region under it, so a page ranks no child regions there."""
    return len(params.get("region", "")) == 9


def run_page(page: str, **params: str | list[str]) -> AppTest:
    """The page (e.g. 'pages/1_milestones.py') after one run with these URL query parameters."""
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(page).run()


def metric(at: AppTest, label: str) -> int:
    """The value of the metric whose label starts with label."""
    values = [m.value for m in at.metric if m.label.startswith(label)]
    assert len(values) == 1, [m.label for m in at.metric]
    return int(values[0])


def metrics(at: AppTest) -> dict[str, str]:
    """Every metric on the page: its label and its value as shown."""
    return {metric.label: metric.value for metric in at.metric}


def query_param(at: AppTest, key: str) -> str | None:
    """The URL query parameter as the page left it (None where it is left out)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


def figures(at: AppTest) -> list[dict]:
    """The Plotly figures on the page, as their JSON."""
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


def cell_css(at: AppTest, table: int, row: int, column: int) -> str:
    """The CSS a Styler gave one cell of the page's table-th dataframe (empty if none)."""
    styles = at.dataframe[table].proto.arrow_data.styler.styles
    # Styler groups cells of equal style: "#T_x_row0_col5, #T_x_row3_col5 { background-color: … }"
    for selectors, css in re.findall(r"([^{}]+)\{([^}]*)\}", styles):
        if any(s.strip().endswith(f"_row{row}_col{column}") for s in selectors.split(",")):
            return css.strip()
    return ""


def table(at: AppTest, index: int) -> pd.DataFrame:
    return at.dataframe[index].value
