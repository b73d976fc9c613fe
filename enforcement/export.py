"""Exports that open correctly in Excel: UTF-8 with BOM, translated headers, codes kept as text, formulas defused."""

from __future__ import annotations

import pandas as pd

from enforcement.i18n import column_label

# A cell starting with one of these is a formula to Excel (or LibreOffice); prefix it with an apostrophe.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Defuse a text cell that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def for_export(frame: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The frame as users should receive it: translated headers and neutralised text cells."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [column_label(column, lang) for column in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame, lang: str = "zh") -> bytes:
    """CSV for Excel: UTF-8 with a byte-order mark (and no sep= line, which would make Excel ignore it).

    Rows end in CRLF, so the writer quotes any cell holding a line break or a bare carriage return.
    """
    return for_export(frame, lang).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
