-- The own rows of the nation, the provinces and the cities (every region at most two levels deep) into
-- rollup_monthly, keyed by themselves (parent_code = region_code): the figures reported at that region itself (its
-- own agencies, its capacity), as they stand in the fact tables. With them, subtree_monthly answers a root above the
-- counties from rollup_monthly alone: the children's subtree totals and the root's own rows share one parent_code.
-- $prefix: a province's code prefix, '' (everything) or the nation's code '000000' (its own rows only); $sources: the
-- fact tables to take them from (a list of monthly_facts' sources).
-- Parameters: $prefix, $sources
insert into rollup_monthly by name
select f.region_code as parent_code, f.* exclude (source)
from monthly_facts as f
join regions as r on r.region_code = f.region_code
where len(r.lineage) <= 2 and in_subtree(f.region_code, $prefix) and list_contains($sources::varchar[], f.source)
order by f.region_code, f.period_month, f.agency_code, f.domain_code
