-- Milestone progress reports for export: one row per report (milestone x region x report date), in the subtree whose
-- root has $code_prefix (only regions at $level unless it is null), dated from $month_from to the end of $month_to
-- and not after $as_of. Unordered (counting must not sort); exports order by region_code, milestone_id, report_date.
-- Parameters: $code_prefix, $level, $month_from, $month_to, $as_of
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
where in_subtree(p.region_code, $code_prefix)
    and ($level::varchar is null or r.level = $level)
    and p.report_date between $month_from::date and last_day($month_to::date)
    and p.report_date <= $as_of::date
