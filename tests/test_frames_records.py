"""content.frames.records: the rows of a result as DataFrame.to_dict("records") gives them, read column by column."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from enforcement.content.frames import records


def same_value(a: object, b: object) -> bool:
    if a is pd.NA or b is pd.NA or a is pd.NaT or b is pd.NaT:
        return a is b
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@pytest.fixture()
def mixed() -> pd.DataFrame:
    """The kinds of column a query result holds: Arrow-backed text with gaps, floats with NaN, ints, nullable ints,
    booleans, dates and timestamps with gaps."""
    return pd.DataFrame(
        {
            "region_code": pd.array(["320100", None, "320102"], dtype="str"),
            "value": [1.5, np.nan, 0.0],
            "count_items": np.array([1, 2, 3], dtype="int64"),
            "year": pd.array([2024, None, 2025], dtype="Int16"),
            "is_total": [True, False, True],
            "deadline_date": pd.to_datetime(["2025-12-31", None, "2024-06-30"]),
        }
    )


def test_each_row_is_what_to_dict_gives(mixed):
    ours, theirs = records(mixed), mixed.to_dict("records")
    assert len(ours) == len(theirs) == 3
    for mine, expected in zip(ours, theirs, strict=True):
        assert list(mine) == list(expected)
        assert all(same_value(mine[k], expected[k]) for k in expected), (mine, expected)


def test_chosen_fields_only_in_their_order(mixed):
    assert records(mixed, ["value", "region_code"])[2] == {"value": 0.0, "region_code": "320102"}
    assert records(mixed, []) == [] and records(mixed.iloc[0:0]) == []
