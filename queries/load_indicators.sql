-- Load the indicator definitions; a formula's numerator is measure names joined by '+'. Parameters: $csv
insert into indicators
select
    indicator_key, name_zh, name_en, coalesce(unit, ''), higher_is_better::boolean, computed_from, definition,
    nullif(string_split(coalesce(numerator, ''), '+'), ['']), denominator, multiplier::double, per_year::boolean
from read_csv($csv, all_varchar = true, header = true)
