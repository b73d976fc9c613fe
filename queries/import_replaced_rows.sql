-- The rows one import replaced, one page: one row per replaced stored row, in order. replaced_no runs 1.. within an
-- import, so a page is a range of it (read from the zone maps, not a sort of every replaced row).
-- Parameters: $import_id, $page_size, $page_offset
select replaced_no, replaced_by_row, row_key, row_json
from import_replaced_rows
where import_id = $import_id
    and replaced_no > $page_offset
    and replaced_no <= $page_offset + $page_size
order by replaced_no
