-- The whole audit trail in the order it was written, one row per entry, to check its hash chain. Parameters: none
select *
from audit_log
order by entry_id
