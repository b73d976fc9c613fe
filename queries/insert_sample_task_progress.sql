-- Sample generator: store the generated progress histories (registered as generated_progress), marked sample.
-- Parameters: none
insert into task_progress by name
select
    milestone_id,
    region_code,
    report_date::date as report_date,
    status_reported,
    percent_complete::tinyint as percent_complete,
    completed_on::date as completed_on,
    evidence_note,
    true as is_sample
from generated_progress
order by milestone_id, region_code, report_date
