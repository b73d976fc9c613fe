-- A region and its ancestors up to 全国, root first: one row per level. Parameters: $region_code
with recursive lineage as (
    select region_code, region_name, level, level_no, parent_code, code_prefix, full_name
    from regions
    where region_code = $region_code
    union all
    select r.region_code, r.region_name, r.level, r.level_no, r.parent_code, r.code_prefix, r.full_name
    from regions as r
    join lineage as l on r.region_code = l.parent_code
)
select region_code, region_name, level, level_no, code_prefix, full_name
from lineage
order by level_no
