-- The import log, newest first: one row per import (the replaced rows' JSON left out; see import_replaced_rows).
-- Parameters: none
select
    import_id,
    imported_at,
    dataset,
    file_name,
    rows_in_file,
    rows_inserted,
    rows_replaced,
    rows_unchanged,
    imported_by,
    checksum_sha256,
    stored_path
from imports
order by import_id desc
