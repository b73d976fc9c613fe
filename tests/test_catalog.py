"""The reference catalog: counts per document, known rows verbatim, and quotes that are really in the sources."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter

import pytest

from tests.conftest import PROJECT
from tools.sources import compact, quote_in_source, simplified_source, to_simplified

REFERENCE = PROJECT / "data" / "reference"


def rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


MILESTONES = rows("milestones")
TARGETS = rows("targets")
FIGURES = rows("reported_figures")
PLANS = {row["plan_id"]: row for row in rows("plans")}


def test_plans_are_the_five_documents():
    assert set(PLANS) == {"jiangsu", "rizhao", "guangdong", "wushan", "hebei"}
    assert PLANS["jiangsu"]["document_number"] == "苏政办发〔2023〕47号"
    assert PLANS["jiangsu"]["issue_date"] == "2023-11-27"
    assert PLANS["rizhao"]["document_number"] == "日政办字〔2024〕15号"
    assert PLANS["rizhao"]["issuer_region_code"] == "371100"
    assert PLANS["hebei"]["issue_date"] == "2023-11-18"
    assert PLANS["wushan"]["issuer_region_code"] == "500237"


def test_counts_per_document():
    assert Counter(r["plan_id"] for r in MILESTONES) == {
        "jiangsu": 15,
        "rizhao": 44,
        "guangdong": 3,
        "wushan": 3,
        "hebei": 19,
    }
    assert Counter(r["plan_id"] for r in TARGETS) == {"jiangsu": 3, "rizhao": 15, "wushan": 5, "hebei": 8}
    assert Counter(r["plan_id"] for r in FIGURES) == {"guangdong": 7}


def test_rizhao_ledger_has_items_1_to_36():
    ledger = {int(r["clause_path"][2:]) for r in MILESTONES if r["clause_path"].startswith("台账")}
    assert ledger == set(range(1, 37))


def test_every_milestone_has_a_short_name_a_chart_can_show():
    for plan in PLANS:
        items = [r for r in MILESTONES if r["plan_id"] == plan]
        for language, limit in (("short_name_zh", 12), ("short_name_en", 32)):
            names = [r[language] for r in items]
            assert all(0 < len(name) <= limit for name in names), (plan, language)
            assert len(set(names)) == len(names), (plan, language)  # an axis tells every item apart
    assert _by_id(MILESTONES, "milestone_id")["JS-M001"]["short_name_zh"] == "裁量基准与问题清单形成"


def test_a_unit_cut_off_by_the_source_text_says_so():
    # 日照's ledger stops inside item 36: the unit's name is cut, and the plan's note says where
    assert _by_id(MILESTONES, "milestone_id")["RZ-M044"]["responsible_units"].endswith("…(原文截断)")
    assert "第36项" in PLANS["rizhao"]["note"]


def test_every_plan_has_goals_and_evaluations_where_its_text_sets_them():
    kinds = Counter((r["plan_id"], r["kind"]) for r in MILESTONES)
    assert kinds["jiangsu", "goal"] == 3 and kinds["guangdong", "goal"] == 3 and kinds["wushan", "goal"] == 3
    evaluations = {(r["plan_id"], r["deadline_date"]) for r in MILESTONES if r["kind"] == "evaluation"}
    assert {("jiangsu", "2024-10-31"), ("jiangsu", "2025-10-31")} <= evaluations
    assert {("hebei", "2024-09-30"), ("hebei", "2025-09-30")} <= evaluations


@pytest.mark.parametrize("table", ["milestones", "targets", "reported_figures"])
def test_every_quote_is_verbatim_in_the_converted_source(table):
    missing = [r for r in rows(table) if not quote_in_source(r["plan_id"], r["quote"])]
    assert missing == []


def test_ids_unique_and_well_formed():
    for table, column, pattern in (
        (MILESTONES, "milestone_id", r"(JS|RZ|GD|WS|HB)-M\d{3}"),
        (TARGETS, "target_id", r"(JS|RZ|GD|WS|HB)-T\d{2}"),
        (FIGURES, "figure_id", r"GD-F\d{2}"),
    ):
        ids = [r[column] for r in table]
        assert len(ids) == len(set(ids))
        assert all(re.fullmatch(pattern, i) for i in ids)


def test_deadlines_are_iso_dates_and_match_their_year():
    for r in MILESTONES:
        if r["deadline_date"]:
            assert int(r["milestone_year"]) == dt.date.fromisoformat(r["deadline_date"]).year
        else:
            assert r["milestone_year"] == ""


def test_targets_reference_existing_milestones_and_known_indicators():
    milestone_ids = {r["milestone_id"] for r in MILESTONES}
    indicator_keys = {r["indicator_key"] for r in rows("indicators")}
    for r in TARGETS:
        assert r["milestone_id"] in milestone_ids | {""}
        assert r["indicator_key"] in indicator_keys


def _by_id(table, key):
    return {r[key]: r for r in table}


KNOWN_MILESTONES = [
    # (id, clause, deadline, a phrase of the quote)
    ("JS-M004", "二(一)2", "2024-06-30", "各地、各部门原则上于2024年6月底前完成本地区、本部门行政执法队伍的全员轮训"),
    ("JS-M006", "二(二)1", "2023-12-31", "于2023年底前梳理形成行政执法突出问题清单"),
    ("JS-M007", "二(二)1", "2024-08-31", "于2024年8月底前组织完成专项整治"),
    ("RZ-M002", "二(一)2", "2024-06-30", "2024年6月底前,完成全市行政执法队伍全员轮训"),
    ("RZ-M011", "台账4", "2024-06-30", None),
    ("HB-M002", "二(一)2", "2024-06-30", "2024年6月底前,完成对本地本部门行政执法队伍的全员轮训"),
    ("GD-M001", "二(一)2", "2023-12-31", "到2023年底,我省行政裁量权基准制度普遍建立"),
    ("WS-M002", "问2", "2025-12-31", "人民群众对行政执法的满意度达99%以上"),
    ("WS-M003", "问2", "2025-12-31", "行政执法突出问题得到有效整治"),
]


@pytest.mark.parametrize("milestone_id, clause, deadline, phrase", KNOWN_MILESTONES)
def test_known_milestones(milestone_id, clause, deadline, phrase):
    row = _by_id(MILESTONES, "milestone_id")[milestone_id]
    assert row["clause_path"] == clause
    assert row["deadline_date"] == deadline
    if phrase:
        assert compact(phrase) in compact(row["quote"])


KNOWN_TARGETS = [
    # (plan, indicator, comparator, value, year, a phrase of the quote)
    ("hebei", "exam_sampling_rate", ">=", "30", "2023", "抽取比例2023年不少于30%"),
    ("hebei", "exam_sampling_rate", ">=", "60", "2024", "2024年不少于60%"),
    ("hebei", "exam_sampling_rate", None, "100", "2025", "2025年实现全覆盖"),
    ("rizhao", "training_hours_total", ">=", "60", "", "累计不少于60学时"),
    ("rizhao", "legal_review_rate", "=", "100", "", "重大执法决定法制审核执行率达100%"),
    ("rizhao", "legal_reviewer_ratio", ">=", "5", "", "不低于执法人员总数的5%"),
    ("wushan", "head_appearance_rate", None, "100", "2025", "行政机关负责人出庭应诉率达到100%"),
    ("wushan", "litigation_loss_rate", "below_parent_avg", "", "2024", "行政诉讼案件败诉率低于全市平均水平"),
    ("wushan", "satisfaction_rate", ">=", "99", "2025", "满意度达99%以上"),
    ("jiangsu", "judicial_office_legal_staff_coverage", None, "100", "", "每个司法所至少配备1名"),
]


@pytest.mark.parametrize("plan, indicator, comparator, value, year, phrase", KNOWN_TARGETS)
def test_known_targets(plan, indicator, comparator, value, year, phrase):
    matches = [
        r
        for r in TARGETS
        if r["plan_id"] == plan
        and r["indicator_key"] == indicator
        and r["target_year"] == year
        and compact(phrase) in compact(r["quote"])
    ]
    assert matches, (plan, indicator, year)
    row = matches[0]
    assert float(row["target_value"] or "nan") == float(value or "nan") or value == row["target_value"] == ""
    if comparator:
        assert row["comparator"] == comparator
    else:
        assert row["comparator"] in (">=", "=")


def test_reported_figures_of_guangdong():
    figures = {(r["unit"], float(r["value"])) for r in FIGURES}
    assert ("名", 110000.0) in figures  # 11万余名执法人员
    assert ("宗", 1060000.0) in figures  # 办理案件超106万宗
    assert ("家", 4100.0) in figures  # 约4100家执法主体


def test_sources_are_converted_to_simplified_with_artefacts_removed():
    text = simplified_source("jiangsu")
    assert "苏政办发〔2023〕47号" in text and "蘇" not in text
    assert "(zhí)" not in text and "执法" in text
    assert to_simplified("執(zhí)法") == "执法"


DATE_PHRASE = re.compile(r"20\d\d年(?:\d{1,2}月(?:底|\d{1,2}日)?|底|上半年)")


@pytest.mark.parametrize("plan_id", ["jiangsu", "hebei", "rizhao"])
def test_every_dated_phrase_of_the_plans_is_in_some_quote(plan_id):
    """Exhaustiveness: each 'YYYY年M月底' style deadline in the text appears in a milestone or target quote."""
    quotes = "".join(compact(r["quote"]) for r in MILESTONES + TARGETS if r["plan_id"] == plan_id)
    body = compact(simplified_source(plan_id))
    issue = PLANS[plan_id]["issue_date"]
    issue_phrase = f"{int(issue[:4])}年{int(issue[5:7])}月{int(issue[8:])}日"
    uncovered = {m for m in DATE_PHRASE.findall(body) if m not in quotes and m != issue_phrase}
    assert uncovered == set()


def test_every_indicator_is_defined_in_both_languages():
    """The English pages show definition_en: words of the English page, the same formula as the Chinese."""
    with open(REFERENCE / "indicators.csv", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    assert rows
    for row in rows:
        assert row["definition"] and row["definition_en"], row["indicator_key"]
        assert not re.search(r"[\u4e00-\u9fff]", row["definition_en"]), row["indicator_key"]
        # a ratio in one is a ratio in the other
        assert ("÷" in row["definition"]) == ("÷" in row["definition_en"]), row["indicator_key"]
        assert ("×100" in row["definition"].replace(" ", "")) == ("× 100" in row["definition_en"]), row["indicator_key"]
