-- One indicator for every child and grandchild of $region_code and for the region itself at a month, the year to date
-- (as indicators_by_child values it), with the numbers behind it: one row per region (the tiles of a two-level
-- treemap; parent_code links them). $sources: the indicator's fact tables, so that only their rows are summed. Read
-- from the stored judgement instead where it holds the tiles (subtree_indicator_tiles_stored.sql).
-- Parameters: $region_code, $month, $domain_code (null = all), $indicator_key, $sources
with
measures as materialized (
    select row_number() over () as row_no, *
    from subtree_period(
        $region_code, date_trunc('year', $month::date)::date, $month::date, $domain_code,
        by_grandchild := true, sources := $sources, year_to_date := true
    )
),

measure_values as (
    select * from indicator_values_of(measures, indicator_keys := [$indicator_key])
),

-- numerator and denominator of each split row; a tile's value is the ratio of their sums over its rows
parts as (
    select m.child_code, m.grandchild_code, v.numerator, v.denominator, v.scale
    from measures as m
    left join measure_values as v on v.row_no = m.row_no
),

sums as (
    select
        $region_code as region_code, sum(numerator) as numerator, sum(denominator) as denominator,
        any_value(scale) as scale
    from parts
    union all
    select child_code, sum(numerator), sum(denominator), any_value(scale)
    from parts
    where child_code is not null
    group by child_code
    union all
    select grandchild_code, sum(numerator), sum(denominator), any_value(scale)
    from parts
    where grandchild_code is not null
    group by grandchild_code
),

final as (
    select
        t.depth,
        t.region_code,
        t.region_name,
        t.parent_code,
        s.scale * s.numerator / nullif(s.denominator, 0) as value,
        s.numerator,
        s.denominator
    from subtree_two_levels($region_code) as t
    left join sums as s on s.region_code = t.region_code
)

select * from final
order by depth, region_code
