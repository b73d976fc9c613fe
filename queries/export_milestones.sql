-- Milestone catalogue for export: one row per milestone of the plans that concern $region_code (issued at or above
-- it, or inside its subtree: plans_concerning), applying to $level unless it is null, due from $month_from to the end
-- of $month_to (standing duties with no deadline always): every column but the chart names, seq last. Unordered;
-- exports order by plan_id, seq. Parameters: $region_code, $level, $month_from, $month_to
select
    m.* exclude (seq, short_name_zh, short_name_en),
    m.seq
from milestones as m
semi join plans_concerning($region_code) using (plan_id)
where ($level::varchar is null or list_contains(m.applies_to_levels, $level))
    and (m.deadline_date is null or m.deadline_date between $month_from::date and last_day($month_to::date))
