-- Import: store uploaded progress reports (registered as new_rows, one row each), as reported figures of import $import_id.
-- Parameters: $import_id
insert into task_progress by name
select
    * exclude (row_no, report_date, completed_on),
    report_date::date as report_date,
    completed_on::date as completed_on,
    false as is_sample,
    $import_id::integer as import_id
from new_rows
