-- Case counts of a region's subtree by month: one row per month, with the counts by type and 12345 complaints.
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all domains)
select
    period_month,
    sum(count_penalty) as count_penalty,
    sum(count_inspection) as count_inspection,
    sum(count_license) as count_license,
    sum(count_coercion) as count_coercion,
    sum(complaints_12345) as complaints_12345,
    bool_or(is_sample) as is_sample
from subtree_monthly($region_code, $month_from::date, $month_to::date, $domain_code)
group by period_month
order by period_month
