-- Targets that apply to a region (its governing plans', or the chosen plan's): one row per indicator and year.
-- Parameters: $region_code, $plan_id (null = the governing plans)
select
    target_id, plan_id, issuer_region_name, clause_path, indicator_key, indicator_name, comparator, target_value,
    unit, target_year, deadline_date
from region_targets([$region_code], chosen_plans($plan_id))
order by indicator_key, target_year nulls first
