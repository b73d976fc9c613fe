-- Import: keep the stored progress reports that the uploaded rows registered as changed_rows replace (same natural
-- key), each whole stored report as it is, numbered in the order of the file's rows.
-- Parameters: $import_id
insert into replaced_task_progress (import_id, replaced_no, replaced_by_row, stored_row)
select
    $import_id,
    row_number() over (order by i.row_no),
    i.row_no,
    p
from task_progress as p
join changed_rows as i
    on p.milestone_id = i.milestone_id
    and p.region_code = i.region_code
    and p.report_date = i.report_date::date
