-- Import: keep the stored progress reports that the uploaded rows registered as changed_rows replace (same natural
-- key), each as its key in words and the whole stored report as JSON, numbered in the order of the file's rows.
-- Parameters: $import_id
insert into import_replaced_rows (import_id, replaced_no, replaced_by_row, row_key, row_json)
select
    $import_id,
    row_number() over (order by i.row_no),
    i.row_no,
    concat_ws(' / ', p.milestone_id, p.region_code, strftime(p.report_date, '%Y-%m-%d')),
    to_json(p)
from task_progress as p
join changed_rows as i
    on p.milestone_id = i.milestone_id
    and p.region_code = i.region_code
    and p.report_date = i.report_date::date
