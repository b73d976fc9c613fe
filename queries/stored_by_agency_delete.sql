-- Remove the stored judgement by agency of the regions stored_roots($prefix) names (the nation and the regions of the
-- subtree of code prefix $prefix, '' = all) before they are judged again.
-- Parameters: $prefix
delete from indicators_by_agency_stored where judge_group = '000000' or in_subtree(judge_group, $prefix)
