-- Sample generator: one row per (milestone, region) that reports progress, with what its story needs.
-- Parameters: none
select
    a.milestone_id,
    a.region_code,
    a.level,
    m.deadline_date,
    pl.schedule_start_date,
    sp.quality
from milestone_assignments as a
join milestones as m on m.milestone_id = a.milestone_id
join plans as pl on pl.plan_id = a.plan_id
join sample_profiles as sp on sp.region_code = a.region_code
order by a.milestone_id, a.region_code
