-- Agencies that report training figures, in display order: one row per agency. Parameters: none
select agency_code, name_zh, name_en, domain_code
from agencies
order by sort_order, agency_code
