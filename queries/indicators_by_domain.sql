-- Indicators of a region's subtree at a month, the year to date, by enforcement domain: one row per domain x
-- indicator, plus all domains together (is_total), valued, targeted (the region's plans) and judged by
-- judged_indicators. Capacity and satisfaction have no domain. Parameters: $region_code, $month, $as_of,
-- $plan_id (null = governing plans), $indicator_keys (list, null = all), $sources (their fact tables, null = all)
with
by_domain as materialized (
    select *
    from subtree_period_by_domain(
        $region_code, date_trunc('year', $month::date)::date, $month::date, sources := $sources, year_to_date := true
    )
),

measures as (
    select d.*, $region_code as target_region, false as is_total, false as judge_by_parent,
        $month::date as period_month
    from by_domain as d
    union all by name
    select
        null::varchar as domain_code, $region_code as target_region, true as is_total, false as judge_by_parent,
        $month::date as period_month, 12 as period_months,
        sum(columns(d.* exclude (domain_code, period_months, is_sample))),
        bool_or(d.is_sample) as is_sample
    from by_domain as d
)

select
    j.*,
    x.name_zh as domain_name_zh,
    x.name_en as domain_name_en
from judged_indicators(measures, $indicator_keys, $plan_id, $as_of) as j
left join domains as x on x.domain_code = j.domain_code
order by j.indicator_key, j.is_total, j.domain_code
