"""Helpers of the training and cases tests: the pages' scope for a region and months, the target lines a chart draws."""

from __future__ import annotations

import datetime as dt

from enforcement.content.trends import Scope
from enforcement.rules.filters import Filters


def page_scope(region, name, start="2023-01-01", end="2025-12-01", domain=None, plan=None, lang="zh") -> Scope:
    """The page's scope for a region, the months start to end, indicators at end (the year to date)."""
    period_to = dt.date.fromisoformat(end)
    as_of = (period_to.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    filters = Filters(
        region=region,
        as_of=as_of,
        since=as_of,
        period_from=dt.date.fromisoformat(start),
        period_to=period_to,
        plan=plan,
        domain=domain,
        lang=lang,
    )
    return Scope.of(filters, name)


def target_lines(figure) -> list[float]:
    """y of the horizontal lines a figure draws (target lines are dashed shapes)."""
    return sorted({shape.y0 for shape in figure.layout.shapes if shape.y0 == shape.y1 and shape.line.dash == "dash"})
