-- The indicators and how each is measured: one row per indicator, statistics indicators first, with the fact tables
-- its formula reads (sources, for subtree_period's sources filter). Parameters: none
select indicator_key, name_zh, name_en, unit, higher_is_better, computed_from, definition, definition_en, sources
from indicators
order by computed_from desc, indicator_key
