-- The tables of the open database, by name (Parquet export and open). Parameters: none
select table_name from duckdb_tables() where schema_name = 'main' order by table_name
