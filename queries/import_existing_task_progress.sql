-- Import: the stored progress reports that share a natural key (milestone_id, region_code, report_date) with an uploaded row
-- (uploaded keys registered as incoming_keys); one row per stored row. Parameters: none
select p.*
from task_progress as p
semi join incoming_keys as k
    on p.milestone_id = k.milestone_id
    and p.region_code = k.region_code
    and p.report_date = k.report_date::date
