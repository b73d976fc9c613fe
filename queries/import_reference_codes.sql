-- Import checks: the codes an uploaded row may use and their names, one row per agency, domain or milestone.
-- Parameters: none
select 'agency' as kind, agency_code as code, name_zh, name_en from agencies
union all
select 'domain', domain_code, name_zh, name_en from domains
union all
select 'milestone', milestone_id, null, null from milestones
