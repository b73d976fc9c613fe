-- A statistics table as a view over its partitioned Parquet files. Slots: {table} (an identifier), {files} (a literal glob).
create view {table} as select * exclude (province, year) from read_parquet({files}, hive_partitioning = true)
