"""Content: what each page shows, built from named queries: judged figures, cards, tables and Plotly figures.

Functions take a query function (``ctx.query`` on a page, ``QueryRunner.run`` in tests and reports) and return data
and figures; a page gets them with ``ctx.built(function, *arguments)``. Each function a page builds with says which
named queries it runs (``@uses``): the benchmark times exactly those, and a test holds every function to its list.
No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Builder = TypeVar("Builder", bound=Callable)


def uses(*queries: str) -> Callable[[Builder], Builder]:
    """Declare the named queries a content function runs (directly or through the helpers it calls)."""

    def mark(function: Builder) -> Builder:
        function.queries = frozenset(queries)
        return function

    return mark
