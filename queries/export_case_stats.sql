-- Case statistics for export: one row per region per month per enforcement domain, in the subtree whose root has
-- $code_prefix (only regions at $level unless it is null), months $month_from to $month_to; domain names in $lang.
-- Unordered (counting must not sort); exports order by region_code, period_month, domain_sort. The prefix is passed
-- as a value, not looked up here, so the subtree range is a constant that skips row groups.
-- Parameters: $code_prefix, $level, $month_from, $month_to, $lang, $domain_code (null = all; training: the
-- agencies of that domain)
select
    c.region_code,
    c.region_name,
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
    c.import_id,
    d.sort_order as domain_sort
from stats_in_scope('case_stats', $code_prefix, $level, $month_from, $month_to) as c
join domains as d on d.domain_code = c.domain_code
where ($domain_code::varchar is null or c.domain_code = $domain_code)
