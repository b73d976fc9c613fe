-- The rows one import replaced, as the JSON the log keeps: one row. Parameters: $import_id
select import_id, dataset, replaced_rows_json from imports where import_id = $import_id
