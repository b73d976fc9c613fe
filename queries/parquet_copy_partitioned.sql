-- A statistics table as Parquet files partitioned by province and year, sorted by region within each file so that
-- row-group statistics let a region filter skip data. Slots: {table}, {month_column} (identifiers), {folder} (a literal).
copy (
    select *, left(region_code, 2) as province, year({month_column}) as year
    from {table}
    order by region_code, {month_column}
) to {folder} (format parquet, partition_by (province, year), compression zstd, row_group_size 122880)
