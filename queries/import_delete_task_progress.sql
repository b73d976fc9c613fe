-- Import: delete the stored progress reports that uploaded rows replace (the changed rows, registered as changed_rows).
-- Parameters: none
delete from task_progress as p
using changed_rows as k
where p.milestone_id = k.milestone_id
    and p.region_code = k.region_code
    and p.report_date = k.report_date::date
