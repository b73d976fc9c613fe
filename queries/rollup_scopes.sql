-- Code prefixes of the provinces whose rollups cover any of these regions: one row per province.
-- The nation's own figures are in no rollup. Parameters: $region_codes
select distinct p.code_prefix
from regions as r
join regions as p on p.region_code = r.lineage[1]
where r.region_code in (select unnest($region_codes::varchar[]))
order by p.code_prefix
