-- indicators_by_agency read from its stored judgement (indicators_by_agency_stored) for the regions it holds
-- (stored_regions): the same rows and columns, in the same order, as the live query (a test holds them equal). No
-- rows where the stored judgement does not answer (another region or month, a chosen domain or plan, other sources or
-- indicators): the caller then runs the live query. The judgement is stored as on a day after every plan's issue; a
-- target whose plan came after the day judged on is turned back to not due here (issued_after_judging).
-- Parameters: $region_code, $month, $as_of, $domain_code, $plan_id, $indicator_keys (list), $sources (list)
with
judged as (
    select j.*, issued_after_judging(p.issue_date, $as_of, j.period_month) as issued_later
    from indicators_by_agency_stored as j
    left join plans as p on p.plan_id = j.plan_id
    where j.judge_group = $region_code and j.period_month = $month::date
        and $domain_code::varchar is null and $plan_id::varchar is null
        and $sources::varchar[] = stored_split_sources('agency')
        and list_has_all(indicators_within(stored_split_sources('agency')), $indicator_keys::varchar[])
        and list_contains($indicator_keys::varchar[], j.indicator_key)
)

select
    j.* exclude (judge_group, issued_later) replace (
        j.is_target_due and not j.issued_later as is_target_due,
        case when j.issued_later and j.target_id is not null then 'not_due' else j.target_status end as target_status
    ),
    x.name_zh as agency_name_zh, x.name_en as agency_name_en
from judged as j
left join agencies as x on x.agency_code = j.agency_code
order by j.indicator_key, j.is_total, j.agency_code
