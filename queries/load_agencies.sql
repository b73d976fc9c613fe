-- Load the agencies training is reported by. Parameters: $csv
insert into agencies
select agency_code, name_zh, name_en, nullif(domain_code, ''), sort_order::integer
from read_csv($csv, all_varchar = true, header = true)
