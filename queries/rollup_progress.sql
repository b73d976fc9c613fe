-- Every progress report with the date the next report on the same (milestone, region) replaced it: one row per
-- report, sorted by region. Parameters: none
insert into progress_spans
select
    milestone_id,
    region_code,
    report_date,
    lead(report_date) over (partition by milestone_id, region_code order by report_date) as replaced_on,
    status_reported,
    percent_complete,
    completed_on,
    evidence_note
from task_progress
order by region_code, milestone_id, report_date
