-- Earlier imports of a file with this content (same SHA-256): one row per import. Parameters: $checksum_sha256
select import_id, imported_at, file_name from imports where checksum_sha256 = $checksum_sha256 order by import_id
