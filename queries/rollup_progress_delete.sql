-- Empty progress_spans before it is rebuilt. Parameters: none
delete from progress_spans
