-- indicators_ytd_by_month (all domains, the plans governing each row, every fact table) read from the stored
-- judgement (stored_indicators) of a stored region (stored_regions): the same rows and columns, in the same order, as
-- the live query with $sources null (a test holds them equal). A month's rows are indicators_by_child at that month:
-- the subtree's total for each indicator, and for the indicators in $children_for the children and the region's own
-- agencies with figures in the year so far. No rows for another region: the caller then runs the live query.
-- Parameters: $region_code, $month_from, $month_to, $as_of, $indicator_keys (list), $children_for (list, may be empty)
select
    period_month, child_code, child_name, columns(lambda c: list_contains(measure_names(), c)), is_sample, is_total,
    columns(lambda c: not list_contains(measure_names(), c) and c not in (
        'period_month', 'child_code', 'child_name', 'is_sample', 'is_total', 'scope', 'region_code', 'region_name',
        'target_region', 'has_figures'
    ))
from stored_indicators($region_code, $month_from, $month_to, $as_of)
where has_figures
    and list_contains($indicator_keys::varchar[], indicator_key)
    and (is_total or list_contains($children_for::varchar[], indicator_key))
order by indicator_key, is_total, child_code nulls first, period_month
