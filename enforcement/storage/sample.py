"""Seeded sample generator: which regions get sample data, and the task-progress histories.

The bulk statistics (cases, training, capacity, satisfaction) are generated inside DuckDB by the
``queries/generate_*.sql`` statements; this module drives them and writes the milestone progress reports,
which are stories per (milestone, region) rather than bulk draws. Everything it writes has is_sample = true.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pandas as pd

from enforcement.storage.runner import QueryRunner

DEFAULT_SEED = 20231127
FIRST_MONTH = dt.date(2023, 1, 1)
LAST_MONTH = dt.date(2025, 12, 1)
DATA_END = dt.date(2025, 12, 31)

# Sample scale: the subtrees the five plans govern (江苏, 广东, 河北 with 雄安, 日照), and all of 重庆, whose average
# 巫山's litigation losses are held against (低于全市平均).
SAMPLE_PREFIXES = ("32", "44", "13", "3711", "50")


@dataclass(frozen=True)
class Scale:
    name: str
    prefixes: tuple[str, ...]


def scale_for(name: str, province_prefixes: list[str]) -> Scale:
    """The regions a scale covers: 'sample' the plans' subtrees, 'national' every province."""
    if name == "sample":
        return Scale("sample", SAMPLE_PREFIXES)
    if name == "national":
        return Scale("national", tuple(province_prefixes))
    raise ValueError(f"未知的规模: {name} (可选 sample, national)")


def generate_statistics(runner: QueryRunner, scale: Scale, seed: int) -> None:
    """Fill the statistics tables for the scale's regions, then drop the generator's working tables."""
    runner.execute("generate_sample_profiles", seed=seed, prefixes=list(scale.prefixes))
    runner.execute("generate_sample_domain_profiles")
    months = {"seed": seed, "first_month": FIRST_MONTH, "last_month": LAST_MONTH}
    # One subtree at a time, in code order: the table ends up sorted by region_code as a whole, and each step sorts
    # at most a province (sorting all 32 M national rows at once took 5 GB of memory).
    outermost = [p for p in sorted(scale.prefixes) if not any(p != q and p.startswith(q) for q in scale.prefixes)]
    for prefix in outermost:
        runner.execute("generate_case_stats", prefix=prefix, **months)
        runner.execute("generate_training_stats", prefix=prefix, **months)
    runner.execute("generate_capacity_stats", **months)
    runner.execute("generate_satisfaction_surveys", **months)
    generate_task_progress(runner, seed)
    runner.execute("drop_sample_profiles")
    runner.execute("drop_sample_domain_profiles")


def _month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Last day of every month from start's month to end (monthly progress reports, 月调度)."""
    dates = []
    year, month = start.year, start.month
    while True:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        if last > end:
            return dates
        if last >= start:
            dates.append(last)
        year, month = nxt.year, nxt.month


def _completion_date(rng: random.Random, quality: float, start: dt.date, deadline: dt.date) -> dt.date | None:
    """When the region finishes: leaders early, most around the deadline, laggards late; some stall."""
    if rng.random() < 0.04 + 0.18 * (1 - quality) ** 3:
        return None
    if quality > 0.8:
        offset = -rng.uniform(15, 120)
    elif quality < 0.2:
        offset = rng.uniform(-10, 220)
    else:
        offset = rng.uniform(-75, 45)
    return max(start + dt.timedelta(days=10), deadline + dt.timedelta(days=round(offset)))


_EVIDENCE_DONE = (
    "已印发工作方案并报送完成情况",
    "已完成并形成书面总结报同级司法行政部门",
    "已对外公布并报上级备案",
    "已组织实施完毕, 相关台账已归档",
)
_EVIDENCE_PROGRESS = (
    "已制定推进计划, 正在组织实施",
    "已完成部分单位, 其余按计划推进",
    "已起草相关文件, 正在征求意见",
    "正在开展排查梳理",
)


def _history(
    rng: random.Random, quality: float, start: dt.date, deadline: dt.date | None
) -> list[tuple[dt.date, str, int, dt.date | None, str]]:
    """The reports one region files on one milestone: (date, status, percent, completed_on, evidence)."""
    reports = []
    report_dates = _month_ends(start, DATA_END)
    if deadline is None:
        # A standing duty with no date: progress is reported quarterly and never "completed".
        ceiling = rng.randint(55, 95)
        quarterly = [d for d in report_dates if d.month % 3 == 0]
        for i, day in enumerate(quarterly):
            percent = min(ceiling, round(ceiling * (i + 1) / max(len(quarterly), 1)))
            reports.append((day, "in_progress", percent, None, rng.choice(_EVIDENCE_PROGRESS) + "(示例)"))
        return reports
    completed_on = _completion_date(rng, quality, start, deadline)
    plateau = rng.randint(35, 90)
    percent = 0
    for day in report_dates:
        if completed_on is not None and day >= completed_on:
            break
        if completed_on is None:
            target = plateau * min(1.0, (day - start).days / max((deadline - start).days, 30))
        else:
            target = 95 * (day - start).days / max((completed_on - start).days, 1)
        percent = max(percent, min(95, round(target + rng.uniform(-6, 4))))
        status = "not_started" if percent == 0 else "in_progress"
        evidence = "尚未启动(示例)" if percent == 0 else rng.choice(_EVIDENCE_PROGRESS) + f", 完成约{percent}%(示例)"
        reports.append((day, status, percent, None, evidence))
    if completed_on is not None and completed_on <= DATA_END:
        reports.append((completed_on, "completed", 100, completed_on, rng.choice(_EVIDENCE_DONE) + "(示例)"))
    return reports


def generate_task_progress(runner: QueryRunner, seed: int) -> int:
    """Write a seeded report history for every assigned (milestone, region) in the sample scope."""
    pairs = runner.run("sample_progress_pairs")
    rows = []
    for pair in pairs.itertuples(index=False):
        rng = random.Random(f"{seed}|{pair.milestone_id}|{pair.region_code}")
        start = pd.Timestamp(pair.schedule_start_date).date()
        deadline = None if pd.isna(pair.deadline_date) else pd.Timestamp(pair.deadline_date).date()
        if rng.random() < (0.012 if pair.level == "township" else 0.004):
            first = _month_ends(start, DATA_END)[0]
            rows.append(
                (pair.milestone_id, pair.region_code, first, "not_applicable", 0, None, "本地区无此类事项(示例)")
            )
            continue
        for day, status, percent, completed_on, evidence in _history(rng, pair.quality, start, deadline):
            rows.append((pair.milestone_id, pair.region_code, day, status, percent, completed_on, evidence))
    frame = pd.DataFrame(
        rows,
        columns=[
            "milestone_id",
            "region_code",
            "report_date",
            "status_reported",
            "percent_complete",
            "completed_on",
            "evidence_note",
        ],
    )
    runner.execute("insert_sample_task_progress", frames={"generated_progress": frame})
    return len(frame)
