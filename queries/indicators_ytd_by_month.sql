-- Indicators of a region's subtree by month, the year so far: one row per month x child region x indicator, plus
-- the region's own agencies (child_code null) and the whole subtree (is_total), valued, targeted and judged by
-- judged_indicators, so that a month's row equals indicators_by_child at that month. Flows count from January of
-- the month's year. Child rows come back only for the indicators in $children_for (the others: the subtree's rows
-- alone), so that a page that draws an indicator's total alone does not compute, judge, sort and convert a row per
-- child, month and indicator (twenty times the rows at a county).
-- Parameters: $region_code, $month_from, $month_to, $as_of, $domain_code (null = all), $plan_id (null = governing
-- plans), $indicator_keys (list), $sources (their fact tables), $children_for (list, may be empty)
with
by_child as materialized (
    select *
    from subtree_ytd($region_code, $month_from::date, $month_to::date, $domain_code, sources := $sources)
),

measures as (
    select
        b.*, coalesce(b.child_code, $region_code) as target_region, $region_code as judge_group, false as is_total,
        true as judge_by_parent
    from by_child as b
    where len($children_for::varchar[]) > 0
    union all by name
    select
        null::varchar as child_code, period_month, $region_code as target_region, $region_code as judge_group,
        true as is_total,
        false as judge_by_parent, any_value(period_months) as period_months,
        sum(columns(* exclude (child_code, period_month, period_months, is_sample))),
        bool_or(is_sample) as is_sample
    from by_child
    group by period_month
)

select
    j.period_month,
    j.child_code,
    r.region_name as child_name,
    j.* exclude (period_month, child_code, target_region, yardstick_plan, judge_group)
from judged_indicators(measures, $indicator_keys, chosen_plans($plan_id), $as_of) as j
left join regions as r on r.region_code = j.child_code
where j.is_total or list_contains($children_for::varchar[], j.indicator_key)
order by j.indicator_key, j.is_total, j.child_code nulls first, j.period_month
