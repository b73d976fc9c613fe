-- Benchmark (bench/scaling.py): one province's case rows ($prefix) and $copies copies of each under the copied domains,
-- in region order as the build writes them, into scaled_case_stats. Parameters: $prefix, $copies
insert into scaled_case_stats
select * from (
    select * from case_stats where starts_with(region_code, $prefix)
    union all
    select c.* replace (c.domain_code || '~' || copies.n::varchar as domain_code)
    from case_stats as c, range(1, $copies::integer + 1) as copies(n)
    where starts_with(c.region_code, $prefix)
)
order by region_code
