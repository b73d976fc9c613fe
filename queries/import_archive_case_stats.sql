-- Import: keep the stored case rows that the uploaded rows registered as changed_rows replace (same natural key),
-- each as its key in words and the whole stored row as JSON, numbered in the order of the file's rows.
-- Parameters: $import_id
insert into import_replaced_rows (import_id, replaced_no, replaced_by_row, row_key, row_json)
select
    $import_id,
    row_number() over (order by i.row_no),
    i.row_no,
    concat_ws(' / ', c.region_code, strftime(c.period_month, '%Y-%m-%d'), c.domain_code),
    to_json(c)
from case_stats as c
join changed_rows as i
    on c.region_code = i.region_code
    and c.period_month = i.period_month::date
    and c.domain_code = i.domain_code
