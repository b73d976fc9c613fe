-- Import: keep the stored training rows that the uploaded rows registered as changed_rows replace (same natural key),
-- each whole stored row as it is, numbered in the order of the file's rows.
-- Parameters: $import_id
insert into replaced_training_stats (import_id, replaced_no, replaced_by_row, stored_row)
select
    $import_id,
    row_number() over (order by i.row_no),
    i.row_no,
    t
from training_stats as t
join changed_rows as i
    on t.region_code = i.region_code
    and t.period_month = i.period_month::date
    and t.agency_code = i.agency_code
