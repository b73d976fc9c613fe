-- Sample generator, step 1: one row per region that gets sample statistics, with its drawn profile.
-- size: how much the region's agencies handle relative to a typical one of its level (0.5 to 1.5);
-- quality: how well it performs (below 0.2 lags and misses targets, above 0.8 leads and finishes early).
-- Parameters: $seed, $prefixes (code prefixes of the subtrees to cover)
create or replace table sample_profiles as
select
    r.region_code,
    r.level,
    0.5 + (hash($seed, r.region_code, 'size') % 1000003) / 1000003.0 as size,
    (hash($seed, r.region_code, 'quality') % 1000003) / 1000003.0 as quality
from regions as r
where exists (select 1 from unnest($prefixes::varchar[]) as t(prefix) where in_subtree(r.region_code, t.prefix))
order by r.region_code
