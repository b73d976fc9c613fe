-- Rollup of case_stats into rollup_monthly: the subtree totals of every province, city and county (and of townships
-- directly under a city) in the subtree of code prefix $prefix ('' = all), one row per (region, month, enforcement
-- domain).
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
        a.anchor_code, c.period_month, c.domain_code as domain_code,
        sum(c.count_penalty) as count_penalty, sum(c.count_inspection) as count_inspection,
        sum(c.count_license) as count_license, sum(c.count_coercion) as count_coercion,
        sum(c.major_decisions) as major_decisions, sum(c.major_decisions_reviewed) as major_decisions_reviewed,
        sum(c.decisions_to_publicize) as decisions_to_publicize,
        sum(c.decisions_publicized) as decisions_publicized,
        sum(c.decisions_publicized_7d) as decisions_publicized_7d, sum(c.reconsiderations) as reconsiderations,
        sum(c.reconsiderations_corrected) as reconsiderations_corrected, sum(c.lawsuits) as lawsuits,
        sum(c.lawsuits_lost) as lawsuits_lost, sum(c.head_appearances) as head_appearances,
        sum(c.complaints_12345) as complaints_12345, sum(c.case_files_reviewed) as case_files_reviewed,
        sum(c.case_files_passed) as case_files_passed,
        bool_or(c.is_sample) as cases_sample
    from case_stats as c
    join anchors as a on a.region_code = c.region_code
    where in_subtree(c.region_code, $prefix)
    group by all
),

by_level as (
    select
        grouping(r.lineage[1], r.lineage[2], r.lineage[3]) as grouping_id,
        r.lineage[1] as province_code, r.lineage[2] as city_code, r.lineage[3] as county_code,
        b.period_month, b.domain_code,
        sum(b.count_penalty) as count_penalty, sum(b.count_inspection) as count_inspection,
        sum(b.count_license) as count_license, sum(b.count_coercion) as count_coercion,
        sum(b.major_decisions) as major_decisions, sum(b.major_decisions_reviewed) as major_decisions_reviewed,
        sum(b.decisions_to_publicize) as decisions_to_publicize,
        sum(b.decisions_publicized) as decisions_publicized,
        sum(b.decisions_publicized_7d) as decisions_publicized_7d, sum(b.reconsiderations) as reconsiderations,
        sum(b.reconsiderations_corrected) as reconsiderations_corrected, sum(b.lawsuits) as lawsuits,
        sum(b.lawsuits_lost) as lawsuits_lost, sum(b.head_appearances) as head_appearances,
        sum(b.complaints_12345) as complaints_12345, sum(b.case_files_reviewed) as case_files_reviewed,
        sum(b.case_files_passed) as case_files_passed,
        bool_or(b.cases_sample) as cases_sample
    from by_anchor as b
    join regions as r on r.region_code = b.anchor_code
    group by grouping sets (
        (r.lineage[1], b.period_month, b.domain_code),
        (r.lineage[1], r.lineage[2], b.period_month, b.domain_code),
        (r.lineage[1], r.lineage[2], r.lineage[3], b.period_month, b.domain_code)
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
order by parent_code, region_code, period_month, domain_code
