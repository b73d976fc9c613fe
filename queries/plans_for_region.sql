-- Plans that concern a region: those governing it (issued above or at it) and those issued inside its subtree.
-- One row per plan; governs = true when the region is inside the plan's subtree. Nearest governing plan first, then
-- the plans issued inside the subtree from the top down (at 全国: the provinces' plans before a county's).
-- Parameters: $region_code
with
region as (
    select region_code, code_prefix from regions where region_code = $region_code
),

evaluations as (
    -- each plan's first and last evaluation: one grouped read, not two subqueries per plan (a third of the query)
    select plan_id, min(deadline_date) as midterm_evaluation_date, max(deadline_date) as final_evaluation_date
    from milestones
    where kind = 'evaluation'
    group by plan_id
)

select
    p.plan_id,
    p.title,
    p.issuer,
    p.document_number,
    p.issuer_region_code,
    issuer.region_name as issuer_region_name,
    in_subtree(region.region_code, issuer.code_prefix) as governs,
    issuer.level_no as issuer_level_no,
    e.midterm_evaluation_date,
    e.final_evaluation_date
from plans as p
join regions as issuer on issuer.region_code = p.issuer_region_code
cross join region
left join evaluations as e on e.plan_id = p.plan_id
where in_subtree(region.region_code, issuer.code_prefix) or in_subtree(issuer.region_code, region.code_prefix)
order by governs desc, case when governs then -issuer.level_no else issuer.level_no end, p.plan_id
