-- Every statistics indicator of a region's subtree over a period: one row per indicator, with the numbers
-- behind it. The subtree total is the sum over the root's own agencies and all its children.
-- Parameters: $region_code, $month_from, $month_to, $domain_code (null = all domains)
with
children as (
    select * from subtree_period($region_code, $month_from::date, $month_to::date, $domain_code)
),

total as (
    select
        any_value(period_months) as period_months,
        sum(count_penalty) as count_penalty, sum(count_inspection) as count_inspection,
        sum(count_license) as count_license, sum(count_coercion) as count_coercion,
        sum(major_decisions) as major_decisions, sum(major_decisions_reviewed) as major_decisions_reviewed,
        sum(decisions_to_publicize) as decisions_to_publicize, sum(decisions_publicized) as decisions_publicized,
        sum(decisions_publicized_7d) as decisions_publicized_7d,
        sum(reconsiderations) as reconsiderations, sum(reconsiderations_corrected) as reconsiderations_corrected,
        sum(lawsuits) as lawsuits, sum(lawsuits_lost) as lawsuits_lost, sum(head_appearances) as head_appearances,
        sum(complaints_12345) as complaints_12345,
        sum(case_files_reviewed) as case_files_reviewed, sum(case_files_passed) as case_files_passed,
        sum(officers) as officers, sum(certified_officers) as certified_officers,
        sum(full_rotation_trained) as full_rotation_trained,
        sum(public_law_hours) as public_law_hours, sum(professional_hours) as professional_hours,
        sum(exam_sampled) as exam_sampled, sum(exam_passed) as exam_passed,
        sum(township_officers) as township_officers, sum(township_officers_trained) as township_officers_trained,
        sum(legal_reviewers) as legal_reviewers, sum(judicial_offices) as judicial_offices,
        sum(judicial_offices_with_legal_staff) as judicial_offices_with_legal_staff,
        sum(enterprise_inspections) as enterprise_inspections,
        sum(enterprise_inspections_joint) as enterprise_inspections_joint,
        sum(enterprise_inspections_random) as enterprise_inspections_random,
        sum(respondents) as respondents, sum(satisfied) as satisfied,
        bool_or(is_sample) as is_sample
    from children
)

select
    i.indicator_key,
    i.name_zh,
    i.name_en,
    i.unit,
    i.higher_is_better,
    indicator_value(i.indicator_key, total) as value,
    total.is_sample
from indicators as i, total
where i.computed_from = 'statistics'
order by i.indicator_key
