-- Rollup of one fact table ($source: cases, training, capacity or surveys, as monthly_facts names them) into
-- rollup_monthly: the subtree totals of every province, city and county (and of townships directly under a city) in
-- the subtree of code prefix $prefix ('' = all), one row per (region, month, domain, agency: training only), with
-- that table's measures (measures_of) and its sample flag; the other tables' columns stay null.
-- Parameters: $source, $prefix
insert into rollup_monthly by name
with
anchors as (
    -- every region below the nation, with the depth-3 region (county) its figures roll up through
    select region_code, case when len(lineage) > 3 then lineage[3] else region_code end as anchor_code
    from regions
    where level_no >= 1 and in_subtree(region_code, $prefix)
),

facts as (
    select * exclude (source)
    from monthly_facts
    where source = $source and in_subtree(region_code, $prefix)
),

by_anchor as (
    select
        a.anchor_code, f.period_month, f.agency_code, f.domain_code,
        sum(columns(lambda c: list_contains(measures_of([$source]), c))),
        bool_or(columns(lambda c: c like '%\_sample' escape '\'))
    from facts as f
    join anchors as a on a.region_code = f.region_code
    group by all
),

by_level as (
    select
        grouping(r.lineage[1], r.lineage[2], r.lineage[3]) as grouping_id,
        r.lineage[1] as province_code, r.lineage[2] as city_code, r.lineage[3] as county_code,
        b.period_month, b.agency_code, b.domain_code,
        sum(columns(lambda c: list_contains(measures_of([$source]), c))),
        bool_or(columns(lambda c: c like '%\_sample' escape '\'))
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
order by parent_code, region_code, period_month, agency_code, domain_code
