"""The named-query runner: parameters are checked and bound, never formatted into SQL."""

from __future__ import annotations

import pytest

from enforcement.storage import runner
from enforcement.storage.runner import QueryError


def test_every_query_file_loads_and_names_its_parameters():
    names = runner.available()
    assert "region_children" in names and len(names) > 20
    for name in names:
        sql, params = runner.load(name)
        assert sql.lstrip().startswith("--"), f"{name}.sql has no header comment"
        assert all(p.isidentifier() for p in params)


def test_placeholders_in_comments_and_strings_are_not_parameters():
    _, params = runner.load("region_lineage")
    assert params == {"region_code"}


def test_missing_and_extra_parameters_are_refused(runner):
    with pytest.raises(QueryError, match="缺少"):
        runner.run("region_children")
    with pytest.raises(QueryError, match="多余"):
        runner.run("region_children", parent_code="320000", extra=1)


def test_unknown_or_malformed_query_names_are_refused(runner):
    with pytest.raises(QueryError):
        runner.run("no_such_query")
    with pytest.raises(QueryError):
        runner.run("../schema")


def test_values_are_bound_not_formatted(runner):
    hostile = "320000' or '1'='1"
    assert runner.run("region_children", parent_code=hostile).empty
    assert len(runner.run("region_children", parent_code="320000")) == 13
