-- Facts about the database (sample or not, scale, data date, versions): one row per key. Parameters: none
select key, value from meta order by key
