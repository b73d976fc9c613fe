-- Load the figures documents report as achieved. Parameters: $csv
insert into reported_figures
select
    figure_id,
    plan_id,
    region_code,
    indicator,
    comparator,
    value::double as value,
    unit,
    nullif(as_of_text, '') as as_of_text,
    nullif(as_of_date, '')::date as as_of_date,
    quote
from read_csv($csv, all_varchar = true, header = true)
