-- Import: the stored training rows that share a natural key (region_code, period_month, agency_code) with an uploaded row
-- (uploaded keys registered as incoming_keys); one row per stored row. Parameters: none
select t.*
from training_stats as t
semi join incoming_keys as k
    on t.region_code = k.region_code
    and t.period_month = k.period_month::date
    and t.agency_code = k.agency_code
