-- subtree_indicator_tiles read from the stored judgement (indicators_by_child_stored) where it holds every tile: a
-- root whose children are stored regions too (the nation, a province), all domains, a month of the data. The root's
-- tile is its stored total, a child's its row among the root's children, a grandchild's its row among that child's
-- children (a child without figures is not stored: its children have none either). The same rows and columns, in the
-- same order, as the live query (a test holds them equal); no rows where the stored judgement does not answer: the
-- caller then runs the live query.
-- Parameters: $region_code, $month, $domain_code, $indicator_key
with
held as (
    select 1
    from child_rows_stored
    where judge_group = $region_code and period_month = $month::date
        and code_depth($region_code) <= 1 and $domain_code::varchar is null
    limit 1
),

judged as (
    select
        case when j.scope = 'total' then j.judge_group else j.child_code end as region_code,
        j.value, j.numerator, j.denominator
    from indicators_by_child_stored as j
    where j.judge_group in (select region_code from regions where region_code = $region_code or parent_code = $region_code)
        and j.period_month = $month::date and j.indicator_key = $indicator_key
        and (j.scope = 'child' or (j.scope = 'total' and j.judge_group = $region_code))
)

select t.depth, t.region_code, t.region_name, t.parent_code, v.value, v.numerator, v.denominator
from subtree_two_levels($region_code) as t
left join judged as v on v.region_code = t.region_code
where exists (select * from held)
order by t.depth, t.region_code
