-- The milestones of a plan that apply somewhere in a region's subtree, with their status there on a date (the worst
-- status of the subtree's pairs) and counts. One row per milestone, in document order; null filters mean all.
-- Parameters: $region_code, $as_of, $plan_id, $task_area, $statuses (list, on status), $units (list, any unit named)
with
pairs as (
    select s.*
    from subtree_milestone_status($region_code, $as_of::date) as s
    where s.plan_id = $plan_id
),

by_milestone as (
    select
        milestone_id,
        worst_milestone_status(list(status)) as status,
        count(*) as count_items,
        count(*) filter (where status = 'overdue') as count_overdue,
        count(*) filter (where status = 'behind_schedule') as count_behind_schedule,
        count(*) filter (where status = 'due_soon') as count_due_soon,
        count(*) filter (where status = 'in_progress') as count_in_progress,
        count(*) filter (where status = 'not_started') as count_not_started,
        count(*) filter (where status = 'done_late') as count_done_late,
        count(*) filter (where status = 'done_on_time') as count_done_on_time,
        count(*) filter (where status = 'not_applicable') as count_not_applicable,
        round(avg(coalesce(percent_complete, 0)) filter (where status <> 'not_applicable'), 1) as percent_complete,
        case
            when count(*) filter (where status not in ('done_on_time', 'done_late', 'not_applicable')) = 0
                then max(completed_on)
        end as completed_on
    from pairs
    group by milestone_id
)

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
    b.* exclude (milestone_id)
from by_milestone as b
join milestones as m on m.milestone_id = b.milestone_id
where ($task_area::varchar is null or m.task_area = $task_area)
    and ($statuses::varchar[] is null or list_contains($statuses::varchar[], b.status))
    and ($units::varchar[] is null or list_has_any(milestone_units(m.lead_units, m.responsible_units), $units::varchar[]))
order by m.seq
