-- Benchmark probe of subtree_period (what a ranking of a region's children reads): one row per child of the
-- region, plus its own agencies (child_code null), with two indicators computed by indicator_value.
-- Parameters: $region_code, $month_from, $month_to, $domain_code
select
    p.child_code,
    r.region_name,
    p.count_penalty,
    p.major_decisions,
    p.major_decisions_reviewed,
    p.officers,
    indicator_value('legal_review_rate', p) as legal_review_rate,
    indicator_value('training_hours_total', p) as training_hours_total
from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code) as p
left join regions as r on r.region_code = p.child_code
order by p.child_code nulls first
