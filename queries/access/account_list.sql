-- Every account, one row each, by region then identity. Parameters: none
select identity, display_name, role, region_code, is_enabled, created_at, created_by, updated_at, updated_by
from accounts
order by region_code, identity
