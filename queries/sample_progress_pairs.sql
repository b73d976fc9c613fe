-- Sample generator: one row per (milestone, region) that reports progress, with what its story needs.
-- Parameters: none
select
    a.milestone_id,
    a.region_code,
    a.level,
    a.deadline_date,
    a.schedule_start_date,
    sp.quality
from assignment_schedules('milestone_assignments') as a
join sample_profiles as sp on sp.region_code = a.region_code
order by a.milestone_id, a.region_code
