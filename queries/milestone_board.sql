-- The milestone board of a plan in a region's subtree on a date: one row per (milestone, board row), the rows being
-- the region's children (each over its whole subtree) and the region's own agencies (is_own, row_code = the region).
-- status is the worst status of the row's pairs. Parameters: $region_code, $as_of, $plan_id, $task_area
with
pairs as (
    select s.*, m.seq, coalesce(s.child_code, $region_code) as row_code
    from subtree_milestone_status($region_code, $as_of::date) as s
    join milestones as m on m.milestone_id = s.milestone_id
    where s.plan_id = $plan_id
        and ($task_area::varchar is null or m.task_area = $task_area)
),

cells as (
    select
        milestone_id,
        any_value(seq) as seq,
        row_code,
        bool_and(child_code is null) as is_own,
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
        max(report_date) as report_date,
        -- the day the row finished: its last completion, once every applicable pair is done
        case
            when count(*) filter (where status not in ('done_on_time', 'done_late', 'not_applicable')) = 0
                then max(completed_on)
        end as completed_on
    from pairs
    group by milestone_id, row_code
)

select
    c.milestone_id,
    c.row_code,
    r.region_name as row_name,
    c.is_own,
    dense_rank() over (order by c.is_own desc, r.region_name collate zh, c.row_code) as row_order,
    c.* exclude (milestone_id, row_code, is_own, seq)
from cells as c
join regions as r on r.region_code = c.row_code
order by c.seq, row_order
