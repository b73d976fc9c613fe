-- Whether an event recorded once (a sign-in per token) is already in the trail: zero or one row.
-- Parameters: $once_key
select entry_id
from audit_log
where once_key = $once_key
