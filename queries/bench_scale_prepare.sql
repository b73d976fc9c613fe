-- Benchmark (bench/scaling.py): empty tables shaped like the case and training tables, filled a province at a time.
-- Parameters: none
create table scaled_case_stats as select * from case_stats limit 0;
create table scaled_training_stats as select * from training_stats limit 0
