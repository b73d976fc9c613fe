-- Enforcement domains in display order: one row per domain. Parameters: none
select domain_code, name_zh, name_en
from domains
order by sort_order, domain_code
