"""Every UI string, in Simplified Chinese (default) and English. Data values (region names) are not translated.

The strings are data, not code: one TOML catalog per part of the app in ``catalog/`` (frame, each page, transfer,
faults, …), each key with its ``zh`` and ``en`` text, so that a translator edits them without touching Python and
parts grow side by side. ``t(key, lang)`` looks a key up in all of them; a key may be defined only once.

A count with its noun is written ``{n:n row|rows}``: the count as given, then the singular for exactly one and the
plural otherwise ("1 row", "2 rows", "1,024 rows"). Chinese has no plural and writes ``{n} 行``.
"""

from __future__ import annotations

import re
import string
import tomllib
from importlib import resources

PART_NAMES = (
    "frame",
    "overview",
    "milestones",
    "ledger",
    "training",
    "cases",
    "regions",
    "transfer",
    "checks",
    "cli",
    "column_notes",
    "faults",
    "hostile",
    "access",
    "report",
)


def _read_catalog(part: str) -> dict[str, dict[str, tuple[str, str]]]:
    """One part's tables (strings, columns): key -> (Chinese, English)."""
    text = (resources.files(__package__) / "catalog" / f"{part}.toml").read_text(encoding="utf-8")
    tables = tomllib.loads(text)
    return {
        table: {key: (texts["zh"], texts["en"]) for key, texts in tables.get(table, {}).items()}
        for table in ("strings", "columns")
    }


PARTS: dict[str, dict[str, dict[str, tuple[str, str]]]] = {part: _read_catalog(part) for part in PART_NAMES}
STRINGS: dict[str, tuple[str, str]] = {key: texts for part in PARTS.values() for key, texts in part["strings"].items()}
COLUMNS: dict[str, tuple[str, str]] = {key: texts for part in PARTS.values() for key, texts in part["columns"].items()}


def is_one(count: object) -> bool:
    """Whether a count takes the singular in English: exactly one (CLDR's "one": 1, not 1.0), given as a number or as
    its shown text ("1", not "1,001")."""
    if isinstance(count, bool):
        return False
    if isinstance(count, int):
        return count == 1
    return isinstance(count, str) and count.strip() == "1"


class _CountFormatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("n ") and "|" in format_spec:
            one, _, many = format_spec[2:].partition("|")
            return f"{value} {one if is_one(value) else many}"
        return super().format_field(value, format_spec)


_COUNTS = _CountFormatter()


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The string for key in lang, with {placeholders} filled ({n:n row|rows}: a count and its noun)."""
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    if not values:
        return text
    return _COUNTS.format(text, **values) if ":n " in text else text.format(**values)


class SaidError(Exception):
    """A failure said by a catalog key and its values: message(lang) says it in the reader's language, str() in
    Chinese (logs, and callers that have no language). Survives pickling (raised in a worker process)."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(t(key, "zh", **values))

    def message(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.values)

    def __reduce__(self):
        return (_said_again, (type(self), self.key, self.values))


def _said_again(kind: type[SaidError], key: str, values: dict[str, object]) -> SaidError:
    return kind(key, **values)


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def plain(value: object) -> str:
    """A value from outside (URL, file, cell) as plain text inside a message that Streamlit renders as markdown.

    The value becomes an inline code span: nothing inside one is markdown or HTML, so [x](http://…), ![x](http://…)
    (an image the browser would fetch), <img …> and even bare http:// or www. addresses (which GitHub-flavoured
    markdown links after parsing, whatever is escaped) stay text. Line breaks become spaces and characters a person
    cannot see are shown as ⟨U+XXXX⟩.
    """
    text = " ".join(str(value).splitlines())
    text = _INVISIBLE.sub(lambda found: f"⟨U+{ord(found.group()):04X}⟩", text)
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or text.strip(" ") == "" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


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


def region_name(code: str, name: str, lang: str = "zh") -> str:
    """A region's name as shown: the nation (全国, the tree's root) in the language, other names as they are."""
    return t("nation", lang) if code == "000000" else name
