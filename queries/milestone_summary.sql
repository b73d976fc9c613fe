-- The milestones of a plan that apply somewhere in a region's subtree, with their status there on a date (the worst
-- status of the subtree's pairs: milestone_status_groups) and counts. One row per milestone, in document order; null
-- filters mean all. Parameters: $region_code, $as_of, $plan_id, $task_area, $statuses (list, on status), $units
-- (list, any unit named)
select
    m.milestone_id,
    m.clause_path,
    m.short_name_zh,
    m.short_name_en,
    m.task_area,
    m.requirement,
    m.responsible_units,
    m.lead_units,
    m.deadline_text,
    m.deadline_date,
    m.is_ongoing,
    b.* exclude (milestone_id, row_code, seq, is_own, report_date)
from milestone_status_groups($region_code, $as_of, $plan_id, $task_area) as b
join milestones as m on m.milestone_id = b.milestone_id
where ($statuses::varchar[] is null or list_contains($statuses::varchar[], b.status))
    and ($units::varchar[] is null or list_has_any(milestone_units(m.lead_units, m.responsible_units), $units::varchar[]))
order by m.seq
