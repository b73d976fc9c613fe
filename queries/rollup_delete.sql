-- Remove the rollup rows of the subtree of code prefix $prefix ('' = all) that come from the fact tables in $sources
-- (a list of cases, training, capacity, surveys: every rollup row holds one table's measures and only that table's
-- sample flag), before they are rebuilt.
-- Parameters: $prefix, $sources
delete from rollup_monthly
where in_subtree(region_code, $prefix)
    and (
        (cases_sample is not null and list_contains($sources::varchar[], 'cases'))
        or (training_sample is not null and list_contains($sources::varchar[], 'training'))
        or (capacity_sample is not null and list_contains($sources::varchar[], 'capacity'))
        or (survey_sample is not null and list_contains($sources::varchar[], 'surveys'))
    )
