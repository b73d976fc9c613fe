-- Import: each uploaded progress report (registered as incoming: row_no and the stored columns) against the stored
-- report of its natural key (milestone_id, region_code, report_date): found, a report with the key is stored; same, it
-- is stored as a reported row with every column equal (a missing date or note equal to a missing one).
-- One row per uploaded row. Parameters: none
select
    i.row_no,
    p.milestone_id is not null as found,
    coalesce(
        not p.is_sample
        and i.status_reported = p.status_reported
        and i.percent_complete = p.percent_complete
        and i.completed_on::date is not distinct from p.completed_on
        and i.evidence_note is not distinct from p.evidence_note,
        false
    ) as same
from incoming as i
-- the table's primary key makes the stored report of a key unique
left join task_progress as p
    on p.milestone_id = i.milestone_id
    and p.region_code = i.region_code
    and p.report_date = i.report_date::date
order by i.row_no
