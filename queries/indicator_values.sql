-- Every statistics indicator of a region's subtree over a period: one row per indicator, with the numbers
-- behind it. The subtree total is the sum over the root's own agencies and all its children.
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all domains)
with
children as (
    select * from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code)
),

total as (
    select
        any_value(period_months) as period_months,
        sum(columns(* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
        bool_or(is_sample) as is_sample
    from children
)

select
    i.indicator_key,
    i.name_zh,
    i.name_en,
    i.unit,
    i.higher_is_better,
    indicator_value(i.indicator_key, total) as value,
    total.is_sample
from indicators as i, total
where i.computed_from = 'statistics'
order by i.indicator_key
