-- Everyone named in the audit trail, one row per identity, with the last name recorded. Parameters: none
select actor, max(actor_name) as actor_name, count(*) as entries
from audit_log
group by actor
order by actor
