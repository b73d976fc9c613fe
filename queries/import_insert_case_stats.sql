-- Import: store uploaded case rows (registered as new_rows, one row each), as reported figures of import $import_id.
-- Parameters: $import_id
insert into case_stats by name
select
    * exclude (row_no, period_month),
    period_month::date as period_month,
    false as is_sample,
    $import_id::integer as import_id
from new_rows
