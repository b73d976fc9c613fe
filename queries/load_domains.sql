-- Load the enforcement domains. Parameters: $csv
insert into domains
select domain_code, name_zh, name_en, sort_order::integer
from read_csv($csv, all_varchar = true, header = true)
