-- Indicators of a region at a month, the year to date (January to $month), by child: one row per child region (with
-- or without figures), the region's own agencies (scope 'own', child_code null) and the whole subtree (scope 'total',
-- is_total) x indicator, each valued, targeted and judged by judged_indicators (a child by the plans governing it).
-- What every page shows for a region and its children: the overview's cards, the rankings, the pages' KPIs.
-- Parameters: $region_code, $month, $as_of, $domain_code (null = all), $plan_id (null = governing plans),
-- $indicator_keys (list, null = all), $sources (their fact tables, null = all: content.indicators.sources_of)
with
by_child as materialized (
    select * exclude (grandchild_code, domain_code, agency_code)
    from subtree_period(
        $region_code, date_trunc('year', $month::date)::date, $month::date, $domain_code,
        sources := $sources, year_to_date := true
    )
),

children as (
    select region_code, region_name from regions where parent_code = $region_code
),

root as (
    select region_code, region_name from regions where region_code = $region_code
),

measures as (
    select
        'child' as scope, c.region_code, c.region_name, c.region_code as child_code, c.region_name as child_name,
        c.region_code as target_region, false as is_total, true as judge_by_parent,
        m.* exclude (child_code)
    from children as c
    left join by_child as m on m.child_code = c.region_code
    union all by name
    select
        'own' as scope, r.region_code, r.region_name, null::varchar as child_code, null::varchar as child_name,
        r.region_code as target_region, false as is_total, true as judge_by_parent,
        m.* exclude (child_code)
    from root as r
    join by_child as m on m.child_code is null
    union all by name
    select
        'total' as scope, r.region_code, r.region_name, null::varchar as child_code, null::varchar as child_name,
        r.region_code as target_region, true as is_total, false as judge_by_parent,
        sum(columns(m.* exclude (child_code, period_months, is_sample))),
        bool_or(m.is_sample) as is_sample
    from root as r
    left join by_child as m on true
    group by r.region_code, r.region_name
),

dated as (
    select * exclude (period_months), $month::date as period_month, 12 as period_months from measures
)

select * exclude (is_sample), coalesce(is_sample, false) as is_sample
from judged_indicators(dated, $indicator_keys, $plan_id, $as_of)
order by indicator_key, is_total, child_code nulls first
