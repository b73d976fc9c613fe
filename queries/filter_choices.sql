-- Valid values of the shared filters, one row per (kind, value): regions, plans, task areas, domains.
-- Parameters: none
select 'region' as kind, region_code as value from regions
union all
select 'plan', plan_id from plans
union all
select distinct 'area', task_area from milestones
union all
select 'domain', domain_code from domains
