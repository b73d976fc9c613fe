-- Judge the stored rows of the nation and of the regions above the counties in the subtree of code prefix $prefix
-- ('' = all) into indicators_by_child_stored, as on a day after every plan's issue (the read applies the as-of date).
-- Parameters: $prefix
insert into indicators_by_child_stored by name
with
child_rows as (
    select * from child_rows_stored where judge_group = '000000' or in_subtree(judge_group, $prefix)
)

select * from stored_judgement(child_rows)
order by judge_group, period_month
