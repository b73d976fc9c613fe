-- (milestone, region) pairs in a region's subtree under a plan whose status on $as_of differs from that on $since:
-- one row per pair, newest change first. changed_on is the date of the report behind the new status if it came after
-- $since, else (time moved the status) the day the deadline passed or the 60-day window opened; null if neither.
-- Parameters: $region_code, $since, $as_of, $plan_id, $task_area
with
before as (
    select milestone_id, region_code, status, percent_complete
    from milestone_status_as_of($since::date)
    where plan_id = $plan_id
),

after as (
    select *
    from subtree_milestone_status($region_code, $as_of::date)
    where plan_id = $plan_id
),

changed as (
    select
        a.*,
        b.status as old_status,
        b.percent_complete as old_percent_complete,
        a.report_date > $since::date as is_new_report
    from after as a
    join before as b on b.milestone_id = a.milestone_id and b.region_code = a.region_code
    where a.status <> b.status
)

select
    case
        when c.is_new_report then c.report_date
        when c.status = 'overdue' then c.deadline_date + 1
        when c.status = 'due_soon' then c.deadline_date - 60
    end as changed_on,
    case
        when c.is_new_report then 'report'
        when c.status in ('overdue', 'due_soon') then 'deadline'
        else 'schedule'
    end as change_cause,
    c.milestone_id,
    m.clause_path,
    m.short_name_zh,
    m.short_name_en,
    m.requirement,
    c.region_code,
    c.region_path,
    c.old_status,
    c.status as new_status,
    c.old_percent_complete,
    c.percent_complete,
    c.evidence_note
from changed as c
join milestones as m on m.milestone_id = c.milestone_id
where ($task_area::varchar is null or m.task_area = $task_area)
order by changed_on desc nulls last, m.seq, c.region_code
