-- Benchmark probe of subtree_period (what a ranking of a region's children reads): one row per child of the
-- region, plus its own agencies (child_code null), with two indicators computed by indicator_values_of.
-- Parameters: $region_code, $month_from, $month_to, $domain_code
with
children as materialized (
    select row_number() over () as row_no, *
    from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code)
),

chosen as (
    select * from indicator_values_of(children)
    where indicator_key in ('legal_review_rate', 'training_hours_total')
)

select
    p.child_code,
    r.region_name,
    p.count_penalty,
    p.major_decisions,
    p.major_decisions_reviewed,
    p.officers,
    max(v.value) filter (where v.indicator_key = 'legal_review_rate') as legal_review_rate,
    max(v.value) filter (where v.indicator_key = 'training_hours_total') as training_hours_total
from children as p
left join chosen as v on v.row_no = p.row_no
left join regions as r on r.region_code = p.child_code
group by all
order by p.child_code nulls first
