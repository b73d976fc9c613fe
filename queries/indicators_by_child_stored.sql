-- indicators_by_child (all domains, the plans governing each row, every indicator) read from its stored judgement
-- (stored_indicators), for the regions it holds (stored_regions): the same rows and columns, in the same order, as
-- the live query (a test holds them equal). No rows for another region or a month outside the data: the caller then
-- runs the live query.
-- Parameters: $region_code, $month, $as_of
select * exclude (has_figures)
from stored_indicators($region_code, $month, $month, $as_of)
order by indicator_key, is_total, child_code nulls first
