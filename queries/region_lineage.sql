-- A region and its ancestors up to 全国, root first: one row per level. Parameters: $region_code
-- Read from the region's lineage list (a recursive walk up parent_code cost 13 ms; this 3-4 ms).
with chain as (
    select unnest(list_prepend(nation.region_code, r.lineage)) as region_code
    from regions as r, regions as nation
    where r.region_code = $region_code and nation.level_no = 0
)

select region_code, region_name, level, level_no, code_prefix, full_name
from regions
where region_code in (select region_code from chain)
order by level_no
