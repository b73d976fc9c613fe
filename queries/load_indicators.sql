-- Load the indicator definitions; a formula's numerator is measure names joined by '+'. Each indicator's sources
-- (the fact tables its measures are columns of) come from the schema itself, not from a second list.
-- Parameters: $csv
insert into indicators
with
definitions as (
    select
        indicator_key, name_zh, name_en, coalesce(unit, '') as unit, higher_is_better::boolean as higher_is_better,
        computed_from, definition, definition_en,
        nullif(string_split(coalesce(numerator, ''), '+'), ['']) as numerator_measures,
        denominator as denominator_measure, multiplier::double as multiplier, per_year::boolean as per_year
    from read_csv($csv, all_varchar = true, header = true)
),

measure_sources as (
    select distinct
        column_name as measure,
        case table_name
            when 'case_stats' then 'cases'
            when 'training_stats' then 'training'
            when 'capacity_stats' then 'capacity'
            when 'satisfaction_surveys' then 'surveys'
        end as source
    from duckdb_columns()
    where schema_name = 'main' and database_name = current_database()
        and table_name in ('case_stats', 'training_stats', 'capacity_stats', 'satisfaction_surveys')
        and list_contains(measure_names(), column_name)
)

select
    d.*,
    coalesce(
        (
            select list(distinct s.source order by s.source)
            from measure_sources as s
            where list_contains(list_append(d.numerator_measures, d.denominator_measure), s.measure)
        ),
        []::varchar[]
    ) as sources
from definitions as d
