-- Benchmark probe of subtree_monthly by child (what a region x month heatmap reads): one row per child of the
-- region and month. Parameters: $region_code, $month_from, $month_to, $domain_code
select
    child_code,
    period_month,
    sum(count_penalty) as count_penalty,
    sum(major_decisions) as major_decisions,
    sum(major_decisions_reviewed) as major_decisions_reviewed
from subtree_monthly($region_code, $month_from::date, $month_to::date, $domain_code)
where child_code is not null
group by child_code, period_month
order by child_code, period_month
