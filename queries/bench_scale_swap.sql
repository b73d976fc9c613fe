-- Benchmark (bench/scaling.py): the scaled tables take the place of the case and training tables. Parameters: none
drop table case_stats;
alter table scaled_case_stats rename to case_stats;
drop table training_stats;
alter table scaled_training_stats rename to training_stats
