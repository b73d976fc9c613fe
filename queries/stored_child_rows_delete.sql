-- Remove the stored rows of the regions child_rows_ytd_every_root($prefix) covers (the nation and the regions of the
-- subtree of code prefix $prefix, '' = all) before they are stored again.
-- Parameters: $prefix
delete from child_rows_stored where judge_group = '000000' or in_subtree(judge_group, $prefix)
