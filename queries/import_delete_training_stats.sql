-- Import: delete the stored training rows that an upload replaces (their keys registered as replaced_keys).
-- Parameters: none
delete from training_stats as t
using replaced_keys as k
where t.region_code = k.region_code
    and t.period_month = k.period_month::date
    and t.agency_code = k.agency_code
