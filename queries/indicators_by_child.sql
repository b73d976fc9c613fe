-- Indicators of a region's children over a period: one row per child region x indicator, plus the region's own
-- agencies (child_code null) and the whole subtree (is_total), with the measures behind each value (flows summed,
-- stocks at the period's end), the target that applies in the period's last year, the subtree's value (the
-- children's parent average) and the status against the target. Yearly indicators are scaled to 12 months.
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all), $plan_id (null = governing plans),
-- $indicator_keys (list), $sources (their fact tables: trends.indicator_params)
with
by_child as materialized (
    select * exclude (grandchild_code, domain_code, agency_code), false as is_total
    from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code, sources := $sources)
),

subtree_total as (
    select
        null::varchar as child_code,
        any_value(period_months) as period_months,
        sum(columns(* exclude (child_code, period_months, is_sample, is_total))),
        bool_or(is_sample) as is_sample,
        true as is_total
    from by_child
),

measures as (
    select * from by_child
    union all by name
    select * from subtree_total
),

indicator_values as (
    select
        v.child_code, v.is_total, v.indicator_key, i.name_zh, i.name_en, i.unit,
        v.value,
        v.* exclude (child_code, is_total, indicator_key, value, numerator, denominator)
    from indicators_of_rows(measures, $indicator_keys) as v
    join indicators as i on i.indicator_key = v.indicator_key
),

with_target as (
    select
        v.*,
        max(v.value) filter (where v.is_total) over (partition by v.indicator_key) as parent_value,
        t.target_id, t.plan_id, t.issuer_region_name, t.comparator, t.target_value, t.target_year, t.deadline_date
    from indicator_values as v
    left join targets_by_year([$region_code], $plan_id, year($month_to::date), year($month_to::date)) as t
        on t.indicator_key = v.indicator_key
),

final as (
    select
        w.child_code,
        r.region_name as child_name,
        w.is_total,
        w.indicator_key,
        w.name_zh,
        w.name_en,
        w.unit,
        w.value,
        w.parent_value,
        w.target_value,
        w.comparator,
        w.target_year,
        w.deadline_date,
        target_status_in_month(
            w.indicator_key, w.value, w.comparator, w.target_value,
            case when w.is_total then null else w.parent_value end,
            w.deadline_date, $month_to::date, false
        ) as target_status,
        w.target_id,
        w.plan_id,
        w.issuer_region_name,
        w.* exclude (
            child_code, is_total, indicator_key, name_zh, name_en, unit, value, parent_value, target_value,
            comparator, target_year, deadline_date, target_id, plan_id, issuer_region_name
        )
    from with_target as w
    left join regions as r on r.region_code = w.child_code
)

select * from final
order by indicator_key, is_total, child_code nulls first
