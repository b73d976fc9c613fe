-- Every statistics indicator of each child region of $region_code and of $region_code's whole subtree over a period,
-- with the numbers behind it and the target governing it on $as_of: one row per (region, indicator).
-- scope 'child' = a child region (all children, with or without data); 'total' = the subtree (the children's parent).
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all), $as_of, $plan_id (null = all)
with
by_child as materialized (
    select * from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code)
),

children as (
    select region_code, region_name
    from regions
    where parent_code = $region_code
),

child_measures as (
    select 'child' as scope, c.region_code, c.region_name, m.* exclude (child_code, grandchild_code, domain_code, agency_code)
    from children as c
    left join by_child as m on m.child_code = c.region_code
),

total_measures as (
    select
        'total' as scope,
        r.region_code,
        r.region_name,
        date_diff('month', $month_from::date, $month_to::date) + 1 as period_months,
        sum(columns(m.* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
        bool_or(m.is_sample) as is_sample
    from regions as r
    left join by_child as m on true
    where r.region_code = $region_code
    group by r.region_code, r.region_name
),

measures as (
    select * from child_measures
    union all by name
    select * from total_measures
),

values as materialized (
    select
        v.scope,
        v.region_code,
        v.region_name,
        v.indicator_key,
        v.value,
        v.numerator,
        v.denominator,
        coalesce(v.is_sample, false) as is_sample
    from indicators_of_rows(measures, null) as v
),

targets as (
    select *
    from governing_targets((select list(region_code) from measures), $as_of::date, $plan_id::varchar)
),

final as (
    select
        v.* exclude (is_sample),
        parent.value as parent_value,
        t.target_id,
        t.plan_id,
        t.document_number,
        t.plan_title,
        t.issuer,
        t.clause_path,
        t.comparator,
        t.target_value,
        t.unit as target_unit,
        t.target_year,
        t.deadline_date as target_deadline_date,
        t.quote as target_quote,
        t.is_due as is_target_due,
        case
            when t.target_id is null then null
            else target_status(v.value, t.comparator, t.target_value, parent.value)
        end as target_status,
        v.is_sample
    from values as v
    left join values as parent
        on v.scope = 'child' and parent.scope = 'total' and parent.indicator_key = v.indicator_key
    left join targets as t on t.region_code = v.region_code and t.indicator_key = v.indicator_key
)

select *
from final
order by scope, region_code, indicator_key
