-- Rollup of training_stats into rollup_monthly: the subtree totals of every province, city and county (and of
-- townships directly under a city) in the subtree of code prefix $prefix ('' = all), one row per (region, month,
-- agency, with the agency's domain; null for agencies without one).
-- Parameters: $prefix
insert into rollup_monthly by name
with
anchors as (
    -- every region below the nation, with the depth-3 region (county) its figures roll up through
    select region_code, case when len(lineage) > 3 then lineage[3] else region_code end as anchor_code
    from regions
    where level_no >= 1 and in_subtree(region_code, $prefix)
),

by_anchor as (
    select
        a.anchor_code, t.period_month, t.agency_code, g.domain_code as domain_code,
        sum(t.officers) as officers, sum(t.certified_officers) as certified_officers,
        sum(t.full_rotation_trained) as full_rotation_trained, sum(t.public_law_hours) as public_law_hours,
        sum(t.professional_hours) as professional_hours, sum(t.exam_sampled) as exam_sampled,
        sum(t.exam_passed) as exam_passed, sum(t.township_officers) as township_officers,
        sum(t.township_officers_trained) as township_officers_trained,
        bool_or(t.is_sample) as training_sample
    from training_stats as t
    join agencies as g on g.agency_code = t.agency_code
    join anchors as a on a.region_code = t.region_code
    where in_subtree(t.region_code, $prefix)
    group by all
),

by_level as (
    select
        grouping(r.lineage[1], r.lineage[2], r.lineage[3]) as grouping_id,
        r.lineage[1] as province_code, r.lineage[2] as city_code, r.lineage[3] as county_code,
        b.period_month, b.agency_code, b.domain_code,
        sum(b.officers) as officers, sum(b.certified_officers) as certified_officers,
        sum(b.full_rotation_trained) as full_rotation_trained, sum(b.public_law_hours) as public_law_hours,
        sum(b.professional_hours) as professional_hours, sum(b.exam_sampled) as exam_sampled,
        sum(b.exam_passed) as exam_passed, sum(b.township_officers) as township_officers,
        sum(b.township_officers_trained) as township_officers_trained,
        bool_or(b.training_sample) as training_sample
    from by_anchor as b
    join regions as r on r.region_code = b.anchor_code
    group by grouping sets (
        (r.lineage[1], b.period_month, b.agency_code, b.domain_code),
        (r.lineage[1], r.lineage[2], b.period_month, b.agency_code, b.domain_code),
        (r.lineage[1], r.lineage[2], r.lineage[3], b.period_month, b.agency_code, b.domain_code)
    )
),

final as (
    select
        case grouping_id when 3 then (select region_code from regions where level_no = 0)
            when 1 then province_code else city_code end as parent_code,
        case grouping_id when 3 then province_code when 1 then city_code else county_code end as region_code,
        * exclude (grouping_id, province_code, city_code, county_code)
    from by_level
)

select * from final
where region_code is not null
order by parent_code, region_code, period_month, agency_code
