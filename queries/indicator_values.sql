-- Every statistics indicator of a region's subtree over a period: one row per indicator, with the numbers
-- behind it. The subtree total is the sum over the root's own agencies and all its children.
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all domains)
with
children as (
    select * from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code)
),

total as materialized (
    select
        1 as row_no,
        any_value(period_months) as period_months,
        sum(columns(* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
        bool_or(is_sample) as is_sample
    from children
),

total_values as (
    select * from indicator_values_of(total)
)

select
    i.indicator_key,
    i.name_zh,
    i.name_en,
    i.unit,
    i.higher_is_better,
    v.value,
    total.is_sample
from indicators as i
cross join total
left join total_values as v on v.indicator_key = i.indicator_key
where i.computed_from = 'statistics'
order by i.indicator_key
