-- Load the plans (one row per source document). Parameters: $csv
insert into plans
select
    plan_id,
    issuer_region_code,
    issuer,
    nullif(document_number, '') as document_number,
    title,
    nullif(issue_date, '')::date as issue_date,
    schedule_start_date::date as schedule_start_date,
    source_file,
    document_kind,
    nullif(note, '') as note
from read_csv($csv, all_varchar = true, header = true)
