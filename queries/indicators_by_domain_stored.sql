-- indicators_by_domain read from its stored judgement (indicators_by_domain_stored, through stored_split_read) for
-- the regions it holds (stored_regions): the same rows and columns, in the same order, as the live query (a test
-- holds them equal). No rows where the stored judgement does not answer (another region or month, a chosen plan,
-- other sources or indicators): the caller then runs the live query.
-- Parameters: $region_code, $month, $as_of, $plan_id, $indicator_keys (list), $sources (list)
select j.*, x.name_zh as domain_name_zh, x.name_en as domain_name_en
from stored_split_read(
    'indicators_by_domain_stored', 'domain', $region_code, $month, $as_of, $plan_id, $sources, $indicator_keys
) as j
left join domains as x on x.domain_code = j.domain_code
order by j.indicator_key, j.is_total, j.domain_code
