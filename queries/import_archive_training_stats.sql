-- Import: keep the stored training rows that the uploaded rows registered as changed_rows replace (same natural key),
-- each as its key in words and the whole stored row as JSON, numbered in the order of the file's rows.
-- Parameters: $import_id
insert into import_replaced_rows (import_id, replaced_no, replaced_by_row, row_key, row_json)
select
    $import_id,
    row_number() over (order by i.row_no),
    i.row_no,
    concat_ws(' / ', t.region_code, strftime(t.period_month, '%Y-%m-%d'), t.agency_code),
    to_json(t)
from training_stats as t
join changed_rows as i
    on t.region_code = i.region_code
    and t.period_month = i.period_month::date
    and t.agency_code = i.agency_code
