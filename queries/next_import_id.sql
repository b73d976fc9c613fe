-- Import: the number the next import gets, one row. Parameters: none
select coalesce(max(import_id), 0) + 1 as import_id from imports
