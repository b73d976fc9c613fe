-- Judge indicators_by_agency of the nation and of the regions above the counties in the subtree of code prefix
-- $prefix ('' = all) at every month into indicators_by_agency_stored, after rollup_monthly is rebuilt.
-- Parameters: $prefix
insert into indicators_by_agency_stored by name
select * from stored_split_judgement($prefix, 'agency')
order by judge_group, period_month
