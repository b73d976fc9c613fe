-- The last entry of the audit trail (zero rows when it is empty): its number and hash. Parameters: none
select entry_id, entry_hash
from audit_log
order by entry_id desc
limit 1
