"""The benchmark times every query the pages run: a page query missing from its registry would go unmeasured."""

from __future__ import annotations

from enforcement import bench, queries


def test_every_query_a_page_runs_is_in_the_benchmark():
    registered = {name for entries in bench.REGISTRY.values() for name, _ in entries}
    found = bench.page_query_names()
    assert "pages/5_regions.py" in found and "enforcement/cases.py" in found  # the scan sees pages and modules
    unregistered = {path: names - registered for path, names in found.items() if names - registered}
    assert unregistered == {}


def test_every_registered_query_exists_and_gets_its_parameters(runner):
    scenario = bench.scenarios(runner)[0]
    for entries in bench.REGISTRY.values():
        for name, params_for in entries:
            params = params_for(scenario.filters, scenario)
            if name.startswith("export."):
                assert set(params) == {"request"}
                continue
            queries.bind(name, params)  # raises on a missing or extra parameter
