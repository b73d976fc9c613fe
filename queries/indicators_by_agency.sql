-- Indicators of a region's subtree at a month, the year to date, by agency (training figures): one row per agency x
-- indicator, plus all agencies together (is_total), valued, targeted (the region's plans) and judged by
-- judged_indicators. A non-null $domain_code keeps that domain's agencies. Parameters: $region_code, $month, $as_of,
-- $domain_code, $plan_id (null = governing plans), $indicator_keys (list, null = all), $sources (null = all)
with
by_agency as materialized (
    select *
    from subtree_period_by_agency(
        $region_code, date_trunc('year', $month::date)::date, $month::date, $domain_code,
        sources := $sources, year_to_date := true
    )
),

measures as (
    select a.*, $region_code as target_region, false as is_total, false as judge_by_parent,
        $month::date as period_month
    from by_agency as a
    union all by name
    select
        null::varchar as agency_code, $region_code as target_region, true as is_total, false as judge_by_parent,
        $month::date as period_month, 12 as period_months,
        sum(columns(a.* exclude (agency_code, period_months, is_sample))),
        bool_or(a.is_sample) as is_sample
    from by_agency as a
)

select
    j.*,
    x.name_zh as agency_name_zh,
    x.name_en as agency_name_en
from judged_indicators(measures, $indicator_keys, $plan_id, $as_of) as j
left join agencies as x on x.agency_code = j.agency_code
order by j.indicator_key, j.is_total, j.agency_code
