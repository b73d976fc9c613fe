-- One indicator for every child and grandchild of $region_code and for the region itself, over a period, with the
-- numbers behind it: one row per region (the tiles of a two-level treemap; parent_code links them).
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all), $indicator_key
with
measures as (
    select *
    from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code, by_grandchild := true)
),

tiles as (
    select * from subtree_two_levels($region_code)
),

sums as (
    select $region_code as region_code, sum(columns(* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
        bool_or(is_sample) as is_sample
    from measures
    union all by name
    select child_code as region_code, sum(columns(* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
        bool_or(is_sample) as is_sample
    from measures
    where child_code is not null
    group by child_code
    union all by name
    select grandchild_code as region_code,
        sum(columns(* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
        bool_or(is_sample) as is_sample
    from measures
    where grandchild_code is not null
    group by grandchild_code
),

final as (
    select
        t.depth,
        t.region_code,
        t.region_name,
        t.parent_code,
        indicator_value($indicator_key, s) as value,
        indicator_numerator($indicator_key, s) as numerator,
        indicator_denominator($indicator_key, s) as denominator,
        coalesce(s.is_sample, false) as is_sample
    from tiles as t
    left join (
        select *, date_diff('month', $month_from::date, $month_to::date) + 1 as period_months from sums
    ) as s on s.region_code = t.region_code
)

select * from final
order by depth, region_code
