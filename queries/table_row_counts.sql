-- Row count of every table in the database (build report, health checks). Parameters: none
select table_name, estimated_size as row_count
from duckdb_tables()
where schema_name = 'main'
order by table_name
