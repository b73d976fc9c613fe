-- Store the year-to-date rows by child of the nation and of the regions above the counties in the subtree of code
-- prefix $prefix ('' = all) at every month of the data, after rollup_monthly is rebuilt (child_rows_ytd_every_root
-- reads it).
-- Parameters: $prefix
insert into child_rows_stored by name
select * from child_rows_ytd_every_root($prefix)
order by judge_group, period_month
