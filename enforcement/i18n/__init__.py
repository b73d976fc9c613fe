"""Every UI string, in Simplified Chinese (default) and English. Data values (region names) are not translated.

Strings live in one module per part of the app (frame, each page, transfer, faults), so that parts can grow side by
side; ``t(key, lang)`` looks a key up in all of them, and a key may be defined only once (tests/test_i18n.py).
"""

from __future__ import annotations

import re

from enforcement.i18n import cases, faults, frame, hostile, ledger, milestones, overview, regions, training, transfer

PARTS = (frame, overview, milestones, ledger, training, cases, regions, transfer, faults, hostile)
STRINGS: dict[str, tuple[str, str]] = {key: value for part in PARTS for key, value in part.STRINGS.items()}
COLUMNS: dict[str, tuple[str, str]] = {key: value for part in PARTS for key, value in part.COLUMNS.items()}


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The string for key in lang, with {placeholders} filled."""
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them leaves no link,
# image, emphasis, HTML tag or autolink (http://, www.) that a value could start.
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def plain(value: object) -> str:
    """A value from outside (URL, file, cell) as plain text inside a message that Streamlit renders as markdown.

    Markdown and HTML syntax is escaped (so [x](http://…) and ![x](http://…) stay text and nothing is fetched),
    line breaks become spaces, and characters a person cannot see are shown as ⟨U+XXXX⟩.
    """
    text = str(value)
    text = "".join(
        f"⟨U+{ord(ch):04X}⟩"
        if (
            ord(ch) < 32
            or 0x7F <= ord(ch) < 0xA0
            or 0x200B <= ord(ch) <= 0x200F
            or 0x202A <= ord(ch) <= 0x202E
            or 0x2060 <= ord(ch) <= 0x2069
            or ord(ch) == 0xFEFF
        )
        else ch
        for ch in text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    )
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def t_plain(key: str, lang: str = "zh", **values: object) -> str:
    """t() for a message that carries values from outside: every value is escaped with plain() first."""
    return t(key, lang, **{name: plain(value) for name, value in values.items()})


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
