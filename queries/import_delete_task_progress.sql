-- Import: delete the stored progress reports that an upload replaces (their keys registered as replaced_keys).
-- Parameters: none
delete from task_progress as p
using replaced_keys as k
where p.milestone_id = k.milestone_id
    and p.region_code = k.region_code
    and p.report_date = k.report_date::date
