-- Import: delete the stored case rows that uploaded rows replace (the changed rows, registered as changed_rows).
-- Parameters: none
delete from case_stats as c
using changed_rows as k
where c.region_code = k.region_code
    and c.period_month = k.period_month::date
    and c.domain_code = k.domain_code
