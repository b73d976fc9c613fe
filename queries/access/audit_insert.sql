-- One new audit entry, after the last (the table's triggers refuse anything else). Parameters: every column
insert into audit_log (
    entry_id, occurred_at, actor, actor_name, actor_kind, actor_role, action, outcome,
    region_code, period_from, period_to, details, once_key, prev_hash, entry_hash
)
values (
    $entry_id, $occurred_at, $actor, $actor_name, $actor_kind, $actor_role, $action, $outcome,
    $region_code, $period_from, $period_to, $details, $once_key, $prev_hash, $entry_hash
)
