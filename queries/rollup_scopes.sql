-- Scopes of rollup_monthly to rebuild for these regions: the code prefix of each province holding one, and the
-- nation's own code (000000, whose subtree holds nothing else) for the nation's own rows. One row per scope.
-- Parameters: $region_codes
select distinct coalesce(p.code_prefix, r.region_code) as code_prefix
from regions as r
left join regions as p on p.region_code = r.lineage[1]
where r.region_code in (select unnest($region_codes::varchar[]))
order by code_prefix
