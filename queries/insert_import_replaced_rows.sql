-- Import: keep the stored rows an upload replaces (registered as replaced_rows: replaced_no, replaced_by_row,
-- row_key, row_json), one row each. Parameters: $import_id
insert into import_replaced_rows (import_id, replaced_no, replaced_by_row, row_key, row_json)
select $import_id, replaced_no, replaced_by_row, row_key, row_json
from replaced_rows
