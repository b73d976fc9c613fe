-- Training statistics for export: one row per region per month per agency, in the subtree whose root has
-- $code_prefix (only regions at $level unless it is null), months $month_from to $month_to; agency names in $lang.
-- Unordered (counting must not sort); exports order by region_code, period_month, agency_sort.
-- Parameters: $code_prefix, $level, $month_from, $month_to, $lang, $domain_code (null = all; training: the
-- agencies of that domain)
select
    t.region_code,
    t.region_name,
    t.period_month,
    t.agency_code,
    case when $lang = 'en' then a.name_en else a.name_zh end as agency_name,
    t.officers,
    t.certified_officers,
    t.full_rotation_trained,
    t.public_law_hours,
    t.professional_hours,
    t.exam_sampled,
    t.exam_passed,
    t.township_officers,
    t.township_officers_trained,
    t.is_sample,
    t.import_id,
    a.sort_order as agency_sort
from stats_in_scope('training_stats', $code_prefix, $level, $month_from, $month_to) as t
join agencies as a on a.agency_code = t.agency_code
where ($domain_code::varchar is null or a.domain_code = $domain_code)
