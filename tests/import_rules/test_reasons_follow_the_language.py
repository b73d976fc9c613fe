"""Rule: every reason a check gives is written in the language of the page or command that checks the file.

A corpus with one file per kind of problem (cells, rows, relations, headers, the file as a whole) is checked in
Chinese and in English: the problems are the same places, and each English reason is English. Chinese may remain
in it only where it quotes data (a region's name, a header as written in the file), which the Chinese reason quotes too.
"""

from __future__ import annotations

import re

import pytest

from enforcement.i18n import PARTS
from enforcement.transfer import datasets, tabular, templates, validation
from tests.transfer_support import (
    CASE_HEADER,
    PROGRESS_HEADER,
    TRAINING_HEADER,
    case_row,
    csv_file,
    progress_row,
    training_row,
)

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef“”「」]+")

CORPUS = {
    "negative count": [CASE_HEADER, case_row(count_penalty=-3)],
    "decimal count": [CASE_HEADER, case_row(count_penalty="1.5")],
    "not a number": [CASE_HEADER, case_row(count_penalty="许多")],
    "bad thousands": [CASE_HEADER, case_row(count_penalty="1,5")],
    "percent shown": [CASE_HEADER, case_row(count_penalty="50%")],
    "too large": [CASE_HEADER, case_row(count_penalty=10**12)],
    "region digits": [CASE_HEADER, case_row(region="12345")],
    "unknown region": [CASE_HEADER, case_row(region="999999")],
    "unknown domain": [CASE_HEADER, case_row(domain="天文观测")],
    "unknown agency": [TRAINING_HEADER, training_row(agency="宇宙航行")],
    "month outside": [CASE_HEADER, case_row(month="2030-01")],
    "bad month": [CASE_HEADER, case_row(month="下个月")],
    "required empty": [CASE_HEADER, case_row(month="")],
    "name disagrees": [CASE_HEADER, case_row(name="秦淮区")],
    "larger than": [CASE_HEADER, case_row(major_decisions=5, major_decisions_reviewed=6)],
    "trained above officers": [TRAINING_HEADER, training_row(officers=10, full_rotation_trained=11)],
    "duplicate row": [CASE_HEADER, case_row(), case_row()],
    "too many cells": [CASE_HEADER, [*case_row(), "多余"]],
    "unnamed column": [[*CASE_HEADER, ""], [*case_row(), "无名"]],
    "unknown column": [[*CASE_HEADER, "备注栏"], [*case_row(), "x"]],
    "duplicate column": [[*CASE_HEADER, "行政处罚(件)"], [*case_row(), 41]],
    "missing column": [CASE_HEADER[:-1], case_row()[:-1]],
    "header only": [CASE_HEADER],
    "not a table": [["姓名", "电话"], ["张三", "123"]],
    "unknown milestone": [PROGRESS_HEADER, progress_row(milestone="JS-M999")],
    "milestone elsewhere": [PROGRESS_HEADER, progress_row(milestone="RZ-M004")],
    "bad status": [PROGRESS_HEADER, progress_row(status="差不多了")],
    "percent range": [PROGRESS_HEADER, progress_row(status="推进中", percent=150, completed_on="")],
    "percent decimal": [PROGRESS_HEADER, progress_row(status="推进中", percent="50.5", completed_on="")],
    "completed not 100": [PROGRESS_HEADER, progress_row(percent=80)],
    "completed no date": [PROGRESS_HEADER, progress_row(completed_on="")],
    "date without completion": [PROGRESS_HEADER, progress_row(status="推进中", percent=60)],
    "completed after report": [PROGRESS_HEADER, progress_row(report_date="2025-11-30", completed_on="2025-12-05")],
    "bad date": [PROGRESS_HEADER, progress_row(report_date="昨天")],
    "date outside": [PROGRESS_HEADER, progress_row(report_date="2022-06-30", completed_on="2022-06-01")],
}


def file_of(kind: str) -> bytes:
    if kind == "example row":  # the template as downloaded, its example row left in
        return templates.csv_template(datasets.IMPORTABLE["cases"])
    return csv_file(CORPUS[kind])


@pytest.fixture(scope="module")
def reference(runner) -> validation.Reference:
    return validation.load_reference(runner)  # once: the corpus is checked 80 times against the same database


def checked(runner, reference, kind, lang):
    """The problems of one file of the corpus, as the import reports them (importer.check_file, reference loaded once)."""
    try:
        table = tabular.read_table(file_of(kind), "upload.csv", validation.is_data_header)
    except tabular.TableError as error:
        return [validation.Problem(None, "", "", error.message(lang))]
    return validation.check_table(table, reference, runner, lang).problems


# Our own Chinese wording: a run of it in an English reason is a reason left untranslated.
OUR_WORDING = [re.sub(r"\{\w+\}", "", zh) for key, (zh, _) in PARTS["checks"]["strings"].items()]


@pytest.mark.parametrize("kind", [*CORPUS, "example row"])
def test_each_reason_is_in_the_language_asked_for(runner, reference, kind):
    chinese, english = checked(runner, reference, kind, "zh"), checked(runner, reference, kind, "en")
    assert chinese, f"{kind}: the file should have a problem"
    # the same places; a column the file lacks is named as the template names it in each language
    assert [(p.row, p.value) for p in english] == [(p.row, p.value) for p in chinese]
    in_file = file_of(kind).decode("utf-8-sig")
    for zh, en in zip(chinese, english):
        assert en.reason != zh.reason and re.search(r"[A-Za-z]{2,} [A-Za-z]+", en.reason), en.reason
        assert CJK.search(zh.reason), f"{kind}: the Chinese reason should be Chinese: {zh.reason!r}"
        # Chinese left in the English reason is data (from the file, or a name from the database) or a template word
        left = [run for run in CJK.findall(en.reason) if run not in in_file and run not in TEMPLATE_WORDS]
        untranslated = [run for run in left if any(run in wording for wording in OUR_WORDING)]
        assert untranslated == [], f"{kind}: {en.reason!r}"


# The words of the template that an English reason names in brackets, so that a clerk finds them in the file.
TEMPLATE_WORDS = {
    run
    for _, english in PARTS["checks"]["strings"].values()
    for bracketed in re.findall(r"\(([^()]*)\)", english)
    for run in CJK.findall(bracketed)
}


def test_the_corpus_reaches_most_of_the_reasons(runner, reference):
    """The corpus above is a sample of the class: it should reach nearly every reason the checks can give."""
    catalog = PARTS["checks"]["strings"]
    english = [p.reason for kind in [*CORPUS, "example row"] for p in checked(runner, reference, kind, "en")]
    templates = {key: re.escape(text).replace(r"\{", "{").replace(r"\}", "}") for key, (_, text) in catalog.items()}
    patterns = {key: re.compile(re.sub(r"\{\w+\}", ".*", text)) for key, text in templates.items()}
    reached = {key for key, pattern in patterns.items() if any(pattern.search(reason) for reason in english)}
    # the scope reason needs an account's region (tests/test_access_pages.py checks it in English)
    assert set(catalog) - reached <= {"chk_outside_scope"}, sorted(set(catalog) - reached)
