-- Milestone items overdue on a date in a region's subtree under a plan: one row per (milestone, region),
-- longest overdue first. Null filters mean all. Parameters: $region_code, $as_of, $plan_id, $task_area, $units
select
    s.region_path,
    s.milestone_id,
    m.clause_path,
    m.short_name_zh,
    m.short_name_en,
    m.requirement,
    m.deadline_date,
    $as_of::date - m.deadline_date as days_overdue,
    s.percent_complete,
    s.evidence_note,
    s.report_date,
    m.responsible_units,
    s.region_code
from subtree_milestone_status($region_code, $as_of::date) as s
join milestones as m on m.milestone_id = s.milestone_id
where s.status = 'overdue'
    and s.plan_id = $plan_id
    and ($task_area::varchar is null or m.task_area = $task_area)
    and ($units::varchar[] is null or list_has_any(milestone_units(m.lead_units, m.responsible_units), $units::varchar[]))
order by days_overdue desc, m.seq, s.region_code
