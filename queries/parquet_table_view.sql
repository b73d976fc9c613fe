-- A reference table as a view over its Parquet file. Slots: {table} (an identifier), {file} (a literal).
create view {table} as select * from read_parquet({file})
