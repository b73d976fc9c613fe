-- Milestone catalogue for export: one row per milestone of the plans that concern $region_code (issued at or above
-- it, or inside its subtree), applying to $level unless it is null, due from $month_from to the end of $month_to
-- (standing duties with no deadline always). Unordered; exports order by plan_id, seq.
-- Parameters: $region_code, $level, $month_from, $month_to
with
root as (
    select region_code, code_prefix from regions where region_code = $region_code
),

plans_in_view as (
    select p.plan_id
    from plans as p
    join regions as issuer on issuer.region_code = p.issuer_region_code
    cross join root
    where in_subtree(root.region_code, issuer.code_prefix) or in_subtree(issuer.region_code, root.code_prefix)
)

select
    m.milestone_id,
    m.plan_id,
    m.clause_path,
    m.task_area,
    m.kind,
    m.requirement,
    m.lead_units,
    m.responsible_units,
    m.deadline_text,
    m.deadline_date,
    m.milestone_year,
    m.is_ongoing,
    m.applies_to_levels,
    m.quote,
    m.seq
from milestones as m
semi join plans_in_view using (plan_id)
where ($level::varchar is null or list_contains(m.applies_to_levels, $level))
    and (m.deadline_date is null or m.deadline_date between $month_from::date and last_day($month_to::date))
