-- Import checks: uploaded progress rows (registered as incoming_pairs: row_no, milestone_id, region_code) whose
-- milestone no plan assigns to that region; one row per such uploaded row. Parameters: none
select
    i.row_no,
    i.milestone_id,
    i.region_code,
    r.region_name,
    p.issuer,
    m.applies_to_levels
from incoming_pairs as i
join milestones as m on m.milestone_id = i.milestone_id
join plans as p on p.plan_id = m.plan_id
join regions as r on r.region_code = i.region_code
anti join milestone_assignments as a on a.milestone_id = i.milestone_id and a.region_code = i.region_code
order by i.row_no
