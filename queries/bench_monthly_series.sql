-- Benchmark probe of subtree_monthly (what a trend chart reads): one row per month, the region's subtree totals.
-- Parameters: $region_code, $month_from, $month_to, $domain_code
select
    period_month,
    sum(count_penalty) as count_penalty,
    sum(major_decisions) as major_decisions,
    sum(major_decisions_reviewed) as major_decisions_reviewed,
    sum(officers) as officers,
    sum(public_law_hours) + sum(professional_hours) as training_hours
from subtree_monthly($region_code, $month_from::date, $month_to::date, $domain_code)
group by period_month
order by period_month
