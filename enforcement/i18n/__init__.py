"""Every UI string, in Simplified Chinese (default) and English. Data values (region names) are not translated.

Strings live in one module per part of the app (frame, each page, transfer, faults), so that parts can grow side by
side; ``t(key, lang)`` looks a key up in all of them, and a key may be defined only once (tests/test_i18n.py).
"""

from __future__ import annotations

from enforcement.i18n import cases, faults, frame, ledger, milestones, overview, regions, report, training, transfer

PARTS = (frame, overview, milestones, ledger, training, cases, regions, transfer, faults, report)
STRINGS: dict[str, tuple[str, str]] = {key: value for part in PARTS for key, value in part.STRINGS.items()}
COLUMNS: dict[str, tuple[str, str]] = {key: value for part in PARTS for key, value in part.COLUMNS.items()}


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The string for key in lang, with {placeholders} filled."""
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def status_label(status: str, lang: str = "zh") -> str:
    """Label of a milestone status (done_on_time, overdue, …)."""
    return t(f"status_{status}", lang)


def level_label(level: str, lang: str = "zh") -> str:
    return t(f"level_{level}", lang)


def column_label(column: str, lang: str = "zh") -> str:
    """Header of a database column in tables and exports (the column name itself if it has no label)."""
    labels = COLUMNS.get(column)
    if labels is None:
        return column
    return labels[1] if lang == "en" else labels[0]
