-- Import: the stored case rows that share a natural key (region_code, period_month, domain_code) with an uploaded row
-- (uploaded keys registered as incoming_keys); one row per stored row. Parameters: none
select c.*
from case_stats as c
semi join incoming_keys as k
    on c.region_code = k.region_code
    and c.period_month = k.period_month::date
    and c.domain_code = k.domain_code
