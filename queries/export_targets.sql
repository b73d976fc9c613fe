-- Targets for export: one row per target of the plans that concern $region_code (issued at or above it, or inside its
-- subtree: plans_concerning), applying to $level unless it is null, due from $month_from to the end of $month_to
-- (targets with no date always). Unordered; exports order by plan_id, seq. Parameters: $region_code, $level,
-- $month_from, $month_to
with
due as (
    select t.*, coalesce(t.deadline_date, make_date(t.target_year, 12, 31)) as due_date
    from targets as t
    semi join plans_concerning($region_code) using (plan_id)
)

select
    target_id,
    plan_id,
    clause_path,
    indicator_key,
    indicator_name,
    comparator,
    target_value,
    unit,
    target_year,
    deadline_date,
    applies_to,
    applies_to_levels,
    milestone_id,
    quote,
    seq
from due
where ($level::varchar is null or list_contains(applies_to_levels, $level))
    and (due_date is null or due_date between $month_from::date and last_day($month_to::date))
