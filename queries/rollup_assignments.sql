-- Store the view milestone_assignments (one row per milestone and region that must report on it), sorted by region.
-- Parameters: none
insert into milestone_assignments_stored
select milestone_id, plan_id, region_code, level
from milestone_assignments
order by region_code, milestone_id
