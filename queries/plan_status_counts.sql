-- Milestone items of each plan in $plan_ids in its issuer's subtree, counted by milestone year and status on a date:
-- what milestone_status_counts gives for (the plan's issuer, the plan, all task areas), for several plans in one
-- query (the overview of a region no plan governs, the nation, shows each plan issued inside it).
-- One row per (plan_id, milestone_year, status). Parameters: $as_of, $plan_ids (list)
with
issuers as (
    select p.plan_id, r.code_prefix
    from plans as p
    join regions as r on r.region_code = p.issuer_region_code
    where list_contains($plan_ids::varchar[], p.plan_id)
)

select s.plan_id, s.milestone_year, s.status, count(*) as item_count
from milestone_status_as_of($as_of::date) as s
join issuers as i on i.plan_id = s.plan_id and in_subtree(s.region_code, i.code_prefix)
group by s.plan_id, s.milestone_year, s.status
order by s.plan_id, s.milestone_year, s.status
