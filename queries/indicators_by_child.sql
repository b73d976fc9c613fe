-- Indicators of a region at a month, the year to date (January to $month), by child: one row per child region (with
-- or without figures), the region's own agencies (scope 'own', child_code null) and the whole subtree (scope 'total',
-- is_total) x indicator, each valued, targeted and judged by judged_indicators (a child by the plans governing it).
-- What every page shows for a region and its children: the overview's cards, the rankings, the pages' KPIs.
-- Parameters: $region_code, $month, $as_of, $domain_code (null = all), $plan_id (null = governing plans),
-- $indicator_keys (list, null = all), $sources (their fact tables, null = all: content.indicators.sources_of)
with
dated as (
    select * from child_rows_ytd($region_code, $month, $domain_code, $sources)
)

select * exclude (is_sample, yardstick_plan, judge_group), coalesce(is_sample, false) as is_sample
from judged_indicators(dated, $indicator_keys, chosen_plans($plan_id), $as_of)
order by indicator_key, is_total, child_code nulls first
