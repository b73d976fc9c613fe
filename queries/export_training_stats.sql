-- Training statistics for export: one row per region per month per agency in the subtree of $region_code (only
-- regions at $level unless it is null), months $month_from to $month_to; agency names in $lang (zh or en).
-- Parameters: $region_code, $level, $month_from, $month_to, $lang
with
root as (
    select code_prefix from regions where region_code = $region_code
)

select
    t.region_code,
    r.region_name,
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
    t.import_id
from training_stats as t
join regions as r on r.region_code = t.region_code
join agencies as a on a.agency_code = t.agency_code
cross join root
where in_subtree(t.region_code, root.code_prefix)
    and ($level::varchar is null or r.level = $level)
    and t.period_month between $month_from::date and $month_to::date
order by t.region_code, t.period_month, a.sort_order
