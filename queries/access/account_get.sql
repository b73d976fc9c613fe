-- One account by its identity: zero or one row. Parameters: $identity
select identity, display_name, role, region_code, is_enabled, created_at, created_by, updated_at, updated_by
from accounts
where identity = $identity
