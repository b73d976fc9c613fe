-- Milestone progress reports for export: one row per report (milestone x region x report date) in the subtree of
-- $region_code (only regions at $level unless it is null), dated from $month_from to the end of $month_to and not
-- after $as_of. Parameters: $region_code, $level, $month_from, $month_to, $as_of
with
root as (
    select code_prefix from regions where region_code = $region_code
)

select
    p.milestone_id,
    m.plan_id,
    m.requirement,
    m.deadline_date,
    p.region_code,
    r.region_name,
    p.report_date,
    p.status_reported,
    p.percent_complete,
    p.completed_on,
    p.evidence_note,
    p.is_sample,
    p.import_id
from task_progress as p
join regions as r on r.region_code = p.region_code
join milestones as m on m.milestone_id = p.milestone_id
cross join root
where in_subtree(p.region_code, root.code_prefix)
    and ($level::varchar is null or r.level = $level)
    and p.report_date between $month_from::date and last_day($month_to::date)
    and p.report_date <= $as_of::date
order by p.region_code, p.milestone_id, p.report_date
