-- Case statistics for export: one row per region per month per enforcement domain in the subtree of $region_code
-- (only regions at $level unless it is null), months $month_from to $month_to; domain names in $lang (zh or en).
-- Parameters: $region_code, $level, $month_from, $month_to, $lang
with
root as (
    select code_prefix from regions where region_code = $region_code
)

select
    c.region_code,
    r.region_name,
    c.period_month,
    c.domain_code,
    case when $lang = 'en' then d.name_en else d.name_zh end as domain_name,
    c.count_penalty,
    c.count_inspection,
    c.count_license,
    c.count_coercion,
    c.major_decisions,
    c.major_decisions_reviewed,
    c.decisions_to_publicize,
    c.decisions_publicized,
    c.decisions_publicized_7d,
    c.reconsiderations,
    c.reconsiderations_corrected,
    c.lawsuits,
    c.lawsuits_lost,
    c.head_appearances,
    c.complaints_12345,
    c.case_files_reviewed,
    c.case_files_passed,
    c.is_sample,
    c.import_id
from case_stats as c
join regions as r on r.region_code = c.region_code
join domains as d on d.domain_code = c.domain_code
cross join root
where in_subtree(c.region_code, root.code_prefix)
    and ($level::varchar is null or r.level = $level)
    and c.period_month between $month_from::date and $month_to::date
order by c.region_code, c.period_month, d.sort_order
