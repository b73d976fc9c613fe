-- indicators_by_child judged against each plan in $plan_ids alone, one plan after another, for the plans' issuers
-- among the region's children: one row per plan (yardstick_plan) x issuer x indicator, plus the region's total
-- (scope 'total', the parent value of a 'below the parent average' target), every indicator, all domains. An
-- issuer's row under its own plan is what indicators_by_child with that $plan_id gives for it. What the overview of
-- a region that no plan governs (the nation) shows for the plans issued inside it: the issuers under one parent in
-- one query instead of one query per plan, and only their rows judged.
-- Parameters: $region_code (the issuers' parent), $month, $as_of, $plan_ids (list)
with
dated as (
    select *
    from child_rows_ytd($region_code, $month, null, null)
    where is_total
        or (scope = 'child' and region_code in (
            select issuer_region_code from plans where list_contains($plan_ids::varchar[], plan_id)
        ))
)

select * exclude (is_sample, judge_group), coalesce(is_sample, false) as is_sample
from judged_indicators(dated, null, $plan_ids, $as_of)
order by yardstick_plan, indicator_key, is_total, child_code nulls first
