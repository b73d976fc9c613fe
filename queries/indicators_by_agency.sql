-- Indicators of a region's subtree at a month, the year to date, by agency (training figures): one row per agency x
-- indicator, plus all agencies together (is_total), valued, targeted (the region's plans) and judged by
-- judged_with_total. A non-null $domain_code keeps that domain's agencies. Parameters: $region_code, $month, $as_of,
-- $domain_code, $plan_id (null = governing plans), $indicator_keys (list, null = all), $sources (null = all)
with
by_agency as materialized (
    select *
    from subtree_period_by_agency(
        $region_code, date_trunc('year', $month::date)::date, $month::date, $domain_code,
        sources := $sources, year_to_date := true
    )
)

select j.*, x.name_zh as agency_name_zh, x.name_en as agency_name_en
from judged_with_total(by_agency, $region_code, $month, $indicator_keys, chosen_plans($plan_id), $as_of) as j
left join agencies as x on x.agency_code = j.agency_code
order by j.indicator_key, j.is_total, j.agency_code
