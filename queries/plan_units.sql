-- The units a plan's milestones name as lead or responsible: one row per unit, most often named first.
-- Parameters: $plan_id
with
named as (
    select trim(unnest(milestone_units(lead_units, responsible_units))) as unit_name
    from milestones
    where plan_id = $plan_id
)

select unit_name, count(*) as count_milestones
from named
group by unit_name
order by count_milestones desc, unit_name collate zh
