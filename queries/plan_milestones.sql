-- The milestones of a plan in document order, with their clause, units, deadline and quoted sentence.
-- One row per milestone; a null task area means all. Parameters: $plan_id, $task_area
select
    m.milestone_id,
    m.seq,
    m.clause_path,
    m.short_name_zh,
    m.short_name_en,
    m.task_area,
    m.kind,
    m.requirement,
    m.lead_units,
    m.responsible_units,
    m.deadline_text,
    m.deadline_date,
    m.is_ongoing,
    m.quote,
    p.document_number,
    p.title as plan_title
from milestones as m
join plans as p on p.plan_id = m.plan_id
where m.plan_id = $plan_id
    and ($task_area::varchar is null or m.task_area = $task_area)
order by m.seq
