-- Indicators of a region's subtree by month, the year so far: one row per month x child region x indicator, plus
-- the region's own agencies (child_code null) and the whole subtree (is_total). Flows count from January of the
-- month's year; each row carries the target that applies in that year and the value's status against it.
-- Child rows come back only for the indicators in $children_for (the others: the subtree's rows alone), so that a
-- page that draws an indicator's total alone does not compute, judge, sort and convert a row per child, month and
-- indicator (twenty times the rows at a county).
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all), $plan_id (null = governing plans),
-- $indicator_keys (list), $sources (their fact tables: trends.indicator_params), $children_for (list, may be empty)
with
by_child as materialized (
    select *, false as is_total
    from subtree_ytd($region_code, $month_from::date, $month_to::date, $domain_code, sources := $sources)
),

subtree_total as (
    select
        null::varchar as child_code,
        period_month,
        any_value(period_months) as period_months,
        sum(columns(* exclude (child_code, period_month, period_months, is_sample, is_total))),
        bool_or(is_sample) as is_sample,
        true as is_total
    from by_child
    group by period_month
),

measures as (
    select * from by_child where len($children_for::varchar[]) > 0
    union all by name
    select * from subtree_total
),

indicator_values as (
    select
        v.period_month, v.child_code, v.is_total, v.indicator_key, i.name_zh, i.name_en, i.unit,
        v.value,
        v.* exclude (period_month, child_code, is_total, period_months, indicator_key, value, numerator, denominator)
    from indicators_of_rows(measures, $indicator_keys) as v
    join indicators as i on i.indicator_key = v.indicator_key
    where v.is_total or list_contains($children_for::varchar[], v.indicator_key)
),

with_target as (
    select
        v.*, t.target_id, t.plan_id, t.issuer_region_name, t.comparator, t.target_value, t.target_year,
        t.deadline_date
    from indicator_values as v
    left join targets_by_year([$region_code], $plan_id, year($month_from::date), year($month_to::date)) as t
        on t.indicator_key = v.indicator_key and t.in_year = year(v.period_month)
),

final as (
    select
        w.period_month,
        w.child_code,
        r.region_name as child_name,
        w.is_total,
        w.indicator_key,
        w.name_zh,
        w.name_en,
        w.unit,
        w.value,
        w.target_value,
        w.comparator,
        w.target_year,
        w.deadline_date,
        target_status_in_month(
            w.indicator_key, w.value, w.comparator, w.target_value, null, w.deadline_date, w.period_month, true
        ) as target_status,
        w.target_id,
        w.plan_id,
        w.issuer_region_name,
        w.* exclude (
            period_month, child_code, is_total, indicator_key, name_zh, name_en, unit, value, target_value,
            comparator, target_year, deadline_date, target_id, plan_id, issuer_region_name
        )
    from with_target as w
    left join regions as r on r.region_code = w.child_code
)

select * from final
order by indicator_key, is_total, child_code nulls first, period_month
