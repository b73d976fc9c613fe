-- Import: record one import in the log (with the file's checksum and the rows it replaced, as JSON).
-- Parameters: $import_id, $imported_at, $dataset, $file_name, $stored_path, $checksum_sha256, $rows_in_file,
-- $rows_inserted, $rows_replaced, $rows_unchanged, $replaced_rows_json, $imported_by
insert into imports (
    import_id, imported_at, dataset, file_name, stored_path, checksum_sha256, rows_in_file,
    rows_inserted, rows_replaced, rows_unchanged, replaced_rows_json, imported_by
)
values (
    $import_id, $imported_at, $dataset, $file_name, $stored_path, $checksum_sha256, $rows_in_file,
    $rows_inserted, $rows_replaced, $rows_unchanged, $replaced_rows_json, $imported_by
)
