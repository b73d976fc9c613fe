-- indicators_by_child (all domains, the plans governing each row, every indicator) read from its stored parts, for
-- the regions they hold (child_rows_ytd_every_root): the same rows and columns, in the same order, as the live query
-- (a test holds them equal). No rows for another region or a month outside the data: the caller then runs the live
-- query. The as-of date only decides whether a target's plan was issued by the day judged on (the month's end, or the
-- as-of date if earlier); the stored judgement is as on a day after every issue, so a target whose plan came later is
-- turned back to not due here by the rule judged_indicators applies (issued_after_judging).
-- Parameters: $region_code, $month, $as_of
with
child_rows as (
    select * from child_rows_stored where judge_group = $region_code and period_month = $month::date
),

judged as (
    select j.*, issued_after_judging(p.issue_date, $as_of, j.period_month) as issued_later
    from indicators_by_child_stored as j
    left join plans as p on p.plan_id = j.plan_id
    where j.judge_group = $region_code and j.period_month = $month::date
)

select
    r.* exclude (judge_group, judge_by_parent, period_months, is_sample),
    j.* exclude (judge_group, period_month, scope, child_code, yardstick_plan, issued_later, is_target_due, target_status),
    j.is_target_due and not j.issued_later as is_target_due,
    case when j.issued_later and j.target_id is not null then 'not_due' else j.target_status end as target_status,
    coalesce(r.is_sample, false) as is_sample
from child_rows as r
join judged as j on j.scope = r.scope and j.child_code is not distinct from r.child_code
order by j.indicator_key, r.is_total, r.child_code nulls first
