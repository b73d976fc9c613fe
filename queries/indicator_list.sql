-- Indicators measured from statistics, with their names and units: one row per indicator. Parameters: none
select indicator_key, name_zh, name_en, unit, higher_is_better
from indicators
where computed_from = 'statistics'
order by indicator_key
