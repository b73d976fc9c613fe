-- Indicators of a region's subtree over a period by agency: one row per agency x indicator, plus
-- all agencies together (is_total), with the measures behind each value, the subtree's value over all agencies
-- (parent_value), the target that applies in the period's last year and the status against it.
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all agencies, else those of the domain),
-- $plan_id (null = governing plans), $indicator_keys (list), $sources (their fact tables: trends.indicator_params)
with
by_agency as materialized (
    select *, false as is_total
    from subtree_period_by_agency($region_code, $month_from::date, $month_to::date, $domain_code, sources := $sources)
),

all_agencies as (
    select
        null::varchar as agency_code,
        any_value(period_months) as period_months,
        sum(columns(* exclude (agency_code, period_months, is_sample, is_total))),
        bool_or(is_sample) as is_sample,
        true as is_total
    from by_agency
),

measures as (
    select * from by_agency
    union all by name
    select * from all_agencies
),

indicator_values as (
    select
        v.agency_code, v.is_total, v.indicator_key, i.name_zh, i.name_en, i.unit,
        v.value,
        v.* exclude (agency_code, is_total, indicator_key, value, numerator, denominator)
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
        w.agency_code,
        a.name_zh as agency_name_zh,
        a.name_en as agency_name_en,
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
            -- no parent region here: a 'below the parent average' target cannot be judged per agency
            w.indicator_key, w.value, w.comparator, w.target_value, null, w.deadline_date, $month_to::date, false
        ) as target_status,
        w.target_id,
        w.plan_id,
        w.issuer_region_name,
        w.* exclude (
            agency_code, is_total, indicator_key, name_zh, name_en, unit, value, parent_value, target_value,
            comparator, target_year, deadline_date, target_id, plan_id, issuer_region_name
        )
    from with_target as w
    left join agencies as a on a.agency_code = w.agency_code
)

select * from final
order by indicator_key, is_total, agency_code
