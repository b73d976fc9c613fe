-- Indicators of a region's subtree at a month, the year to date, by enforcement domain: one row per domain x
-- indicator, plus all domains together (is_total), valued, targeted (the region's plans) and judged by
-- judged_with_total. Capacity and satisfaction have no domain. Parameters: $region_code, $month, $as_of,
-- $plan_id (null = governing plans), $indicator_keys (list, null = all), $sources (their fact tables, null = all)
with
by_domain as materialized (
    select *
    from subtree_period_by_domain(
        $region_code, date_trunc('year', $month::date)::date, $month::date, sources := $sources, year_to_date := true
    )
)

select j.*, x.name_zh as domain_name_zh, x.name_en as domain_name_en
from judged_with_total(by_domain, $region_code, $month, $indicator_keys, chosen_plans($plan_id), $as_of) as j
left join domains as x on x.domain_code = j.domain_code
order by j.indicator_key, j.is_total, j.domain_code
