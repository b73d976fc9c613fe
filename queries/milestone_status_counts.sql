-- Milestone items (milestone x region) in a region's subtree, counted by milestone year and status on a date.
-- One row per (milestone_year, status). A null plan or task area means all.
-- Parameters: $region_code, $as_of, $plan_id, $task_area
with
root as (
    select code_prefix from regions where region_code = $region_code
),

items as (
    select s.milestone_year, s.status
    from milestone_status_as_of($as_of::date) as s
    join milestones as m on m.milestone_id = s.milestone_id
    cross join root
    where in_subtree(s.region_code, root.code_prefix)
        and ($plan_id::varchar is null or s.plan_id = $plan_id)
        and ($task_area::varchar is null or m.task_area = $task_area)
)

select milestone_year, status, count(*) as item_count
from items
group by milestone_year, status
order by milestone_year, status
