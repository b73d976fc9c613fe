-- Remove the stored judgement of the regions child_rows_ytd_every_root($prefix) covers (the nation and the regions
-- of the subtree of code prefix $prefix, '' = all) before they are judged again.
-- Parameters: $prefix
delete from indicators_by_child_stored where judge_group = '000000' or in_subtree(judge_group, $prefix)
