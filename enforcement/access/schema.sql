-- The access store: accounts (who may see and change what) and the audit trail (留痕), in SQLite beside the DuckDB
-- database, so that neither is lost when an import or a rebuild publishes a new database version.
-- Applied by enforcement/access/store.py when the file's user_version is below the one it expects.

-- Write-ahead log: readers (every page view looks up its account) never wait for a writer, and a writer waits only
-- for another writer's short transaction.
pragma journal_mode = wal;

create table if not exists accounts (
    -- the provider's subject (sub) or an e-mail address (stored in lower case), as the account was granted
    identity text primary key,
    display_name text not null default '',
    role text not null check (role in ('viewer', 'analyst', 'clerk', 'admin')),
    region_code text not null check (length(region_code) in (6, 9) and region_code not glob '*[^0-9]*'),
    is_enabled integer not null default 1 check (is_enabled in (0, 1)),
    created_at text not null,
    created_by text not null,
    updated_at text not null,
    updated_by text not null
);

create table if not exists audit_log (
    entry_id integer primary key,  -- 1, 2, 3, … in the order written
    occurred_at text not null,  -- UTC, ISO 8601
    actor text not null,  -- sub or e-mail; os:<user> for the command line; local:<user> with sign-in off
    actor_name text not null,
    actor_kind text not null check (actor_kind in ('oidc', 'proxy', 'local', 'cli')),
    actor_role text,
    action text not null,
    outcome text not null check (outcome in ('ok', 'refused', 'failed', 'unchanged')),
    region_code text,  -- the region concerned (an import's rows: their lowest common region)
    period_from text,  -- YYYY-MM: the figures' months an import wrote or an export held
    period_to text,
    details text not null,  -- canonical JSON: every filter, file name, checksum, rows, regions, …
    once_key text,  -- set for events recorded once (a sign-in per token): a second attempt writes nothing
    prev_hash text not null,
    entry_hash text not null unique  -- sha256(prev_hash + canonical content), see enforcement/access/chain.py
);

create unique index if not exists audit_log_once on audit_log (once_key) where once_key is not null;
create index if not exists audit_log_when on audit_log (occurred_at);
create index if not exists audit_log_actor on audit_log (actor);
create index if not exists audit_log_action on audit_log (action);

-- Append-only: the app never rewrites the trail, and nothing else can through SQL without dropping these first
-- (which `audit verify` then notices, since the hashes no longer chain).
create trigger if not exists audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only: entries cannot be changed');
end;

create trigger if not exists audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only: entries cannot be deleted');
end;

-- A new entry continues the chain: the next number, and the previous entry's hash.
create trigger if not exists audit_log_in_order before insert on audit_log
when new.entry_id != coalesce((select max(entry_id) from audit_log), 0) + 1
    or new.prev_hash != coalesce(
        (select entry_hash from audit_log order by entry_id desc limit 1),
        '0000000000000000000000000000000000000000000000000000000000000000'
    )
begin
    select raise(abort, 'audit entries are appended in order, each after the last one');
end;

pragma user_version = 1;
