-- Load the quantitative targets (one row per threshold and year). Parameters: $csv
insert into targets
select
    target_id,
    plan_id,
    row_number() over (partition by plan_id order by target_id) as seq,
    clause_path,
    indicator_key,
    indicator_name,
    comparator,
    nullif(target_value, '')::double as target_value,
    unit,
    nullif(target_year, '')::smallint as target_year,
    nullif(deadline_date, '')::date as deadline_date,
    nullif(applies_to, '') as applies_to,
    string_split(applies_to_levels, ';') as applies_to_levels,
    nullif(milestone_id, '') as milestone_id,
    quote
from read_csv($csv, all_varchar = true, header = true)
