"""Every column of an import template is explained, in the language of the page that shows the template."""

from __future__ import annotations

import re

import pytest

from enforcement.i18n import PARTS
from enforcement.transfer import datasets, templates

CJK = re.compile(r"[\u4e00-\u9fff]+")


@pytest.mark.parametrize("key", list(datasets.IMPORTABLE))
def test_each_template_column_is_explained_in_both_languages(key):
    spec = datasets.IMPORTABLE[key]
    chinese, english = templates.notes_frame(spec, "zh"), templates.notes_frame(spec, "en")
    assert len(chinese) == len(english) == len(templates.template_fields(spec))
    for zh, en in zip(chinese["说明"], english["Meaning"]):
        assert CJK.search(zh) and zh.endswith("。"), zh
        # English, naming in brackets or as an example only what a clerk types or finds in the file in Chinese
        assert re.search(r"[A-Za-z]{3,} [a-z]+", en) and en.endswith("."), en
        outside_examples = re.sub(r"\([^)]*\)|e\.g\. \S+|such as \S+|\d{4}年\d+月", "", en)
        assert not CJK.search(outside_examples), en


def test_no_note_explains_a_column_that_no_dataset_has():
    columns = {f.name for spec in datasets.DATASETS.values() for f in spec.fields}
    noted = {key.removeprefix("note_") for key in PARTS["column_notes"]["strings"]} - {"count_rule"}
    assert noted <= columns, sorted(noted - columns)


def test_every_count_column_says_the_rule_counts_share():
    counts = [f for spec in datasets.IMPORTABLE.values() for f in templates.template_fields(spec) if f.kind == "count"]
    assert counts and all(f.note("zh").startswith("必填。非负整数。") for f in counts)
    assert all(f.note("en").startswith("Required. A whole number, not negative. ") for f in counts)
