-- The milestone board of a plan in a region's subtree on a date: one row per (milestone, board row), the rows being
-- the region's children (each over its whole subtree) and the region's own agencies (is_own, row_code = the region).
-- status is the worst status of the row's pairs (milestone_status_groups). Parameters: $region_code, $as_of,
-- $plan_id, $task_area
select
    c.milestone_id,
    c.row_code,
    r.region_name as row_name,
    c.is_own,
    dense_rank() over (order by c.is_own desc, r.region_name collate zh, c.row_code) as row_order,
    c.* exclude (milestone_id, row_code, is_own, seq)
from milestone_status_groups($region_code, $as_of, $plan_id, $task_area, by_row := true) as c
join regions as r on r.region_code = c.row_code
order by c.seq, row_order
