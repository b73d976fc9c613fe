-- Benchmark (bench/scaling.py): one province's training rows ($prefix) and $copies copies of each under the copied
-- agencies, in region order as the build writes them, into scaled_training_stats. Parameters: $prefix, $copies
insert into scaled_training_stats
select * from (
    select * from training_stats where starts_with(region_code, $prefix)
    union all
    select t.* replace (t.agency_code || '~' || copies.n::varchar as agency_code)
    from training_stats as t, range(1, $copies::integer + 1) as copies(n)
    where starts_with(t.region_code, $prefix)
)
order by region_code
