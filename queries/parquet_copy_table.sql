-- A reference table as one Parquet file. Slots: {table} (an identifier), {file} (a literal).
copy {table} to {file} (format parquet)
