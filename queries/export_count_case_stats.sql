-- How many rows export_case_stats gives for the same filters when no level is chosen, counted on case_stats alone.
-- Its joins cannot drop a row: the build and every import write only region and domain codes of the reference
-- tables (tests/test_export_datasets.py holds the two counts equal). Without them the count reads only the subtree's
-- range of the sorted region codes (6 ms for the whole nation, 41 ms for one year of it, where every row's month is
-- checked); through them it probed every row of the range against regions and domains (0.3 s at the nation, growing
-- with the data: bench/scaling_results.md).
-- Parameters: $code_prefix, $month_from, $month_to, $domain_code (null = all)
select count(*) as row_count
from case_stats as c
where in_subtree(c.region_code, $code_prefix)
    and c.period_month between $month_from::date and $month_to::date
    and ($domain_code::varchar is null or c.domain_code = $domain_code)
