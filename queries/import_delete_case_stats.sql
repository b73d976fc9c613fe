-- Import: delete the stored case rows that an upload replaces (their keys registered as replaced_keys).
-- Parameters: none
delete from case_stats as c
using replaced_keys as k
where c.region_code = k.region_code
    and c.period_month = k.period_month::date
    and c.domain_code = k.domain_code
