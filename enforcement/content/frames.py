"""Rows of a query result as plain dicts, for code that reads them one by one (labels, hover texts, judgements)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def records(frame: pd.DataFrame, fields: Iterable[str] | None = None) -> list[dict]:
    """The rows as dicts of the given fields (all columns when None), with the values DataFrame.to_dict gives.

    Read column by column: DataFrame.to_dict("records") boxes each cell of Arrow-backed text on its own, and a lookup
    per row (.loc) costs more still; on the milestones page these were most of the board's Python."""
    names = list(frame.columns if fields is None else fields)
    if not names:
        return []
    return [dict(zip(names, values, strict=True)) for values in zip(*(_values(frame[n]) for n in names), strict=True)]


def _values(column: pd.Series) -> list:
    values = column.tolist()
    # A nullable column (Int16, boolean) gives pd.NA for a gap, where to_dict gives None (and pd.NA cannot be tested
    # for truth); text columns keep their NaN, as to_dict does.
    if getattr(column.dtype, "na_value", None) is pd.NA and column.hasnans:
        return [None if value is pd.NA else value for value in values]
    return values
