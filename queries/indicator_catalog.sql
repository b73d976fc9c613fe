-- The indicators and how each is measured: one row per indicator, statistics indicators first, with sources: the
-- fact tables its formula reads ('cases', 'training', 'capacity', 'surveys'; empty for milestone indicators), taken
-- from the tables' own columns, for subtree_period's sources filter. Parameters: none
with
measure_sources as (
    select distinct
        c.column_name as measure,
        case c.table_name
            when 'case_stats' then 'cases'
            when 'training_stats' then 'training'
            when 'capacity_stats' then 'capacity'
            when 'satisfaction_surveys' then 'surveys'
        end as source
    from duckdb_columns() as c
    where c.schema_name = 'main' and c.database_name = current_database()
        and c.table_name in ('case_stats', 'training_stats', 'capacity_stats', 'satisfaction_surveys')
        and list_contains(measure_names(), c.column_name)
)

select
    i.indicator_key, i.name_zh, i.name_en, i.unit, i.higher_is_better, i.computed_from, i.definition,
    coalesce(
        (
            select list(distinct s.source order by s.source)
            from measure_sources as s
            where list_contains(list_append(i.numerator_measures, i.denominator_measure), s.measure)
        ),
        []::varchar[]
    ) as sources
from indicators as i
order by i.computed_from desc, i.indicator_key
