-- The regions whose indicators_by_child is stored (child_rows_stored: the nation and the regions above the counties
-- with figures), so that a page asks indicators_by_child_stored only where it holds something.
select distinct judge_group as region_code
from child_rows_stored
order by region_code
