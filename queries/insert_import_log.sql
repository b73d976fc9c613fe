-- Import: record one import in the log (with the file's checksum; the rows it replaced go to import_replaced_rows).
-- Parameters: $import_id, $imported_at, $dataset, $file_name, $stored_path, $checksum_sha256, $rows_in_file,
-- $rows_inserted, $rows_replaced, $rows_unchanged, $imported_by
insert into imports (
    import_id, imported_at, dataset, file_name, stored_path, checksum_sha256, rows_in_file,
    rows_inserted, rows_replaced, rows_unchanged, imported_by
)
values (
    $import_id, $imported_at, $dataset, $file_name, $stored_path, $checksum_sha256, $rows_in_file,
    $rows_inserted, $rows_replaced, $rows_unchanged, $imported_by
)
