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
    v.indicator_key,
    i.name_zh,
    i.name_en,
    i.unit,
    i.higher_is_better,
    v.value,
    v.is_sample
from indicators_of_rows(total, null) as v
join indicators as i on i.indicator_key = v.indicator_key
order by v.indicator_key
