-- Load the milestone catalog (one row per dated requirement). Parameters: $csv
insert into milestones
select
    milestone_id,
    plan_id,
    row_number() over (partition by plan_id order by milestone_id) as seq,
    clause_path,
    short_name_zh,
    short_name_en,
    task_area,
    kind,
    requirement,
    nullif(lead_units, '') as lead_units,
    nullif(responsible_units, '') as responsible_units,
    nullif(deadline_text, '') as deadline_text,
    nullif(deadline_date, '')::date as deadline_date,
    nullif(milestone_year, '')::smallint as milestone_year,
    is_ongoing::boolean as is_ongoing,
    string_split(applies_to_levels, ';') as applies_to_levels,
    quote
from read_csv($csv, all_varchar = true, header = true)
