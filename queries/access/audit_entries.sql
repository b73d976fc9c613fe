-- Audit entries, one row each, newest first, filtered by time (UTC ISO, from inclusive, until exclusive), person
-- and action; a null parameter does not filter. Parameters: $since, $until, $actor, $action
select *
from audit_log
where ($since is null or occurred_at >= $since)
    and ($until is null or occurred_at < $until)
    and ($actor is null or actor = $actor)
    and ($action is null or action = $action)
order by entry_id desc
