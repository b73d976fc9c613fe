-- Benchmark export: case statistics of a region's subtree, one row per region x month x domain, with names, in
-- region, month, domain order, at most $row_limit rows. Parameters: $region_code, $month_from, $month_to, $row_limit
with
root as (
    select code_prefix from regions where region_code = $region_code
)

select
    c.region_code,
    r.region_name,
    c.period_month,
    c.domain_code,
    d.name_zh as domain_name,
    c.count_penalty, c.count_inspection, c.count_license, c.count_coercion,
    c.major_decisions, c.major_decisions_reviewed,
    c.decisions_to_publicize, c.decisions_publicized, c.decisions_publicized_7d,
    c.reconsiderations, c.reconsiderations_corrected,
    c.lawsuits, c.lawsuits_lost, c.head_appearances,
    c.complaints_12345, c.case_files_reviewed, c.case_files_passed,
    c.is_sample
from case_stats as c
cross join root
join regions as r on r.region_code = c.region_code
join domains as d on d.domain_code = c.domain_code
where in_subtree(c.region_code, root.code_prefix)
    and c.period_month between $month_from::date and $month_to::date
order by c.region_code, c.period_month, d.sort_order
limit $row_limit
