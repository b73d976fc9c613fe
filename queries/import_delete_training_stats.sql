-- Import: delete the stored training rows that uploaded rows replace (the changed rows, registered as changed_rows).
-- Parameters: none
delete from training_stats as t
using changed_rows as k
where t.region_code = k.region_code
    and t.period_month = k.period_month::date
    and t.agency_code = k.agency_code
