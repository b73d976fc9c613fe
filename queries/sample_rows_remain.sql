-- Whether any generated (sample) statistics remain beside imported ones: one row. Parameters: none
select
    exists (select 1 from case_stats where is_sample)
    or exists (select 1 from training_stats where is_sample)
    or exists (select 1 from task_progress where is_sample)
    or exists (select 1 from capacity_stats where is_sample)
    or exists (select 1 from satisfaction_surveys where is_sample) as sample_rows_remain
