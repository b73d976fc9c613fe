-- Import templates: the milestone list clerks pick ids from, one row per milestone, by plan.
-- Parameters: none
select
    m.milestone_id,
    p.issuer,
    m.clause_path,
    m.requirement,
    m.deadline_date,
    m.applies_to_levels
from milestones as m
join plans as p on p.plan_id = m.plan_id
order by m.plan_id, m.seq
