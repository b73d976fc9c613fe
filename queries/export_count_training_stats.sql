-- How many rows export_training_stats gives for the same filters when no level is chosen, counted on
-- training_stats alone (as export_count_case_stats: the build and every import write only region and agency codes of
-- the reference tables, so the joins that name them cannot drop a row). A domain keeps that domain's agencies.
-- Parameters: $code_prefix, $month_from, $month_to, $domain_code (null = all)
select count(*) as row_count
from training_stats as t
where in_subtree(t.region_code, $code_prefix)
    and t.period_month between $month_from::date and $month_to::date
    and ($domain_code::varchar is null or t.agency_code in (select agency_code from agencies where domain_code = $domain_code))
