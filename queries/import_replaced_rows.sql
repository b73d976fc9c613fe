-- The rows one import replaced, one page: one row per replaced stored row, in order.
-- Parameters: $import_id, $page_size, $page_offset
select replaced_no, replaced_by_row, row_key, row_json
from import_replaced_rows
where import_id = $import_id
order by replaced_no
limit $page_size offset $page_offset
