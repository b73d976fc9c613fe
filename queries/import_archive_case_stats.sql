-- Import: keep the stored case rows that the uploaded rows registered as changed_rows replace (same natural key),
-- each whole stored row as it is, numbered in the order of the file's rows.
-- Parameters: $import_id
insert into replaced_case_stats (import_id, replaced_no, replaced_by_row, stored_row)
select
    $import_id,
    row_number() over (order by i.row_no),
    i.row_no,
    c
from case_stats as c
join changed_rows as i
    on c.region_code = i.region_code
    and c.period_month = i.period_month::date
    and c.domain_code = i.domain_code
