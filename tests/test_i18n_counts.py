"""English counts agree with their nouns: "1 row", "2 rows", "1,001 rows" (the catalog's {n:n row|rows})."""

from __future__ import annotations

import re
import string

import pytest

from enforcement.i18n import STRINGS, is_one, t

# Nouns the English strings count. A placeholder right before one of them (an adjective may stand between: "{n} more
# items", "{rows} data rows") is a count whose noun must follow it, unless the count is never one (below).
COUNTED_NOUNS = (
    "rows|items|entries|regions|reports|indicators|inspections|columns|pages|cells|sheets|parts|times|hours|"
    "characters|milestones|files|batches|accounts|problems|plans|targets|agencies|domains|officers|cases"
)
BARE_COUNT = re.compile(r"\{(\w+)\}\s+(?:[a-z]+\s+)?(?:" + COUNTED_NOUNS + r")\b")
COUNT_FIELD = re.compile(r"n ([^|]+)\|(.+)")

# (key, placeholder): counts that are never one, or numbers that are not counts.
NEVER_ONE = {
    ("acc_identity_invalid", "limit"),  # the length limit of an identity
    ("acc_name_invalid", "limit"),
    ("chk_too_many_cells", "width"),  # a recognised header has several columns
    ("tab_too_many_rows", "limit"),
    ("tab_too_many_rows_sheet", "limit"),
    ("tab_too_many_columns", "limit"),
    ("tab_too_many_columns_sheet", "limit"),
    ("tab_zip_entries", "n"),  # more than the limit of parts
    ("tab_zip_ratio", "ratio"),
    ("tab_several_sheets", "n"),  # two or more
    ("notice_repeated", "n"),  # a parameter given two or more times
    ("export_csv_zipped", "limit"),
    ("export_csv_zipped", "n"),  # above the limit
    ("xlsx_too_many_rows", "n"),
    ("xlsx_too_many_rows", "limit"),
    ("export_csv_too_large", "n"),
    ("export_csv_too_large", "limit"),
    ("kpi_milestone_title", "year"),  # "2025 milestones done": a year, not a count
    ("ov_plan_done", "year"),  # "2025 items done"
    ("import_replaced_page", "size"),  # the page size, a constant
}


def english_fields(key: str) -> list[tuple[str, str]]:
    return [(name, spec or "") for _, name, spec, _ in string.Formatter().parse(STRINGS[key][1]) if name]


def sample_values(key: str, count: object) -> dict[str, object]:
    """Every placeholder of the English string filled: counts with `count`, a number where a format asks for one."""
    values: dict[str, object] = {}
    for name, spec in english_fields(key):
        if COUNT_FIELD.fullmatch(spec):
            values[name] = count
        elif spec:
            values[name] = 1.0
        else:
            values.setdefault(name, f"<{name}>")
    return values


COUNTED_KEYS = sorted(key for key in STRINGS if any(COUNT_FIELD.fullmatch(spec) for _, spec in english_fields(key)))


def test_the_catalog_counts_nouns_in_many_strings():
    """The class is large (rows, items, regions, reports...): the checks below cover every one of them."""
    assert len(COUNTED_KEYS) >= 25
    assert {"rows", "import_replaced_show", "import_ready", "rp_done", "kpi_year_items"} <= set(COUNTED_KEYS)


@pytest.mark.parametrize("key", COUNTED_KEYS)
def test_one_takes_the_singular_and_any_other_count_the_plural(key):
    fields = [(name, COUNT_FIELD.fullmatch(spec)) for name, spec in english_fields(key)]
    counted = [(name, match.group(1), match.group(2)) for name, match in fields if match]
    one = t(key, "en", **sample_values(key, 1))
    for count, form in ((2, 2), ("1,001", 2), ("0", 2), (1, 1), ("1", 1)):
        text = t(key, "en", **sample_values(key, count))
        for _, singular, plural in counted:
            assert f"{count} {singular if form == 1 else plural}" in text, text
    for _, singular, plural in counted:
        assert f"1 {plural}" not in one.replace(f"1 {singular}", "")
    # Chinese has no plural: its text takes the count as it is
    assert "{" not in t(key, "zh", **sample_values(key, 1))


def test_no_english_string_puts_a_bare_count_before_a_plural_noun():
    bare = sorted(
        (key, match.group(0))
        for key, (_, english) in STRINGS.items()
        for match in BARE_COUNT.finditer(english)
        if (key, match.group(1)) not in NEVER_ONE
    )
    assert bare == []


@pytest.mark.parametrize(
    ("count", "singular"),
    [(1, True), ("1", True), (" 1 ", True), (2, False), (0, False), ("1,001", False), ("11", False), (1.0, False)],
)
def test_exactly_one_is_singular(count, singular):
    assert is_one(count) is singular


def test_a_count_spec_leaves_other_formats_alone():
    assert t("rp_done", "en", n=1, seconds=2.6) == "1 report written in 3 s."
    assert t("rp_done", "en", n="12", seconds=2.4) == "12 reports written in 2 s."
    assert t("rows", "zh", n=1) == STRINGS["rows"][0].format(n=1)
