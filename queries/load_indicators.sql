-- Load the indicator definitions. Parameters: $csv
insert into indicators
select indicator_key, name_zh, name_en, coalesce(unit, ''), higher_is_better::boolean, computed_from, definition
from read_csv($csv, all_varchar = true, header = true)
