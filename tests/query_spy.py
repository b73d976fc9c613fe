"""A query function for tests of which read a content function chooses (the stored judgement or the live query): it
runs each named query on a runner and records (name, region_code) of every query but the lookups."""

from __future__ import annotations

from typing import Any

import pandas as pd

from enforcement.storage.runner import QueryRunner

# Asked on the way to the choice, not the choice itself.
LOOKUPS = ("stored_regions", "indicator_catalog")


class QuerySpy:
    def __init__(self, runner: QueryRunner):
        self.runner = runner
        self.asked: list[tuple[str, str]] = []

    def __call__(self, name: str, **params: Any) -> pd.DataFrame:
        if name not in LOOKUPS:
            self.asked.append((name, params["region_code"]))
        return self.runner.run(name, **params)
