-- Benchmark probe of subtree_period (what a ranking of a region's children reads): one row per child of the
-- region, plus its own agencies (child_code null), with two indicators computed by indicators_of_rows.
-- Parameters: $region_code, $month_from, $month_to, $domain_code
with
children as (
    select * from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code)
)

select
    v.child_code,
    r.region_name,
    any_value(v.count_penalty) as count_penalty,
    any_value(v.major_decisions) as major_decisions,
    any_value(v.major_decisions_reviewed) as major_decisions_reviewed,
    any_value(v.officers) as officers,
    max(v.value) filter (where v.indicator_key = 'legal_review_rate') as legal_review_rate,
    max(v.value) filter (where v.indicator_key = 'training_hours_total') as training_hours_total
from indicators_of_rows(children, ['legal_review_rate', 'training_hours_total']) as v
left join regions as r on r.region_code = v.child_code
group by v.child_code, r.region_name
order by v.child_code nulls first
