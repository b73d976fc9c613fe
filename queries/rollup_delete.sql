-- Remove the rollup rows of the subtree of code prefix $prefix ('' = all) before they are rebuilt.
-- Parameters: $prefix
delete from rollup_monthly where in_subtree(region_code, $prefix)
