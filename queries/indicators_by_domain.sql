-- Indicators of a region's subtree over a period by enforcement domain: one row per domain x indicator, plus
-- all domains together (is_total), with the measures behind each value, the subtree's value over all domains
-- (parent_value), the target that applies in the period's last year and the status against it.
-- Parameters: $region_code, $month_from, $month_to, $plan_id (null = governing plans), $indicator_keys (list),
-- $sources (their fact tables: trends.indicator_params)
with
by_domain as materialized (
    select *, false as is_total
    from subtree_period_by_domain($region_code, $month_from::date, $month_to::date, sources := $sources)
),

all_domains as (
    select
        null::varchar as domain_code,
        any_value(period_months) as period_months,
        sum(columns(* exclude (domain_code, period_months, is_sample, is_total))),
        bool_or(is_sample) as is_sample,
        true as is_total
    from by_domain
),

measures as (
    select * from by_domain
    union all by name
    select * from all_domains
),

indicator_values as (
    select
        v.domain_code, v.is_total, v.indicator_key, i.name_zh, i.name_en, i.unit,
        v.value,
        v.* exclude (domain_code, is_total, indicator_key, value, numerator, denominator)
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
        w.domain_code,
        d.name_zh as domain_name_zh,
        d.name_en as domain_name_en,
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
            -- no parent region here: a 'below the parent average' target cannot be judged per domain
            w.indicator_key, w.value, w.comparator, w.target_value, null, w.deadline_date, $month_to::date, false
        ) as target_status,
        w.target_id,
        w.plan_id,
        w.issuer_region_name,
        w.* exclude (
            domain_code, is_total, indicator_key, name_zh, name_en, unit, value, parent_value, target_value,
            comparator, target_year, deadline_date, target_id, plan_id, issuer_region_name
        )
    from with_target as w
    left join domains as d on d.domain_code = w.domain_code
)

select * from final
order by indicator_key, is_total, domain_code
