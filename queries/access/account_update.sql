-- An account's name, role, region and whether it is enabled, as a whole. Parameters: $identity, $display_name,
-- $role, $region_code, $is_enabled, $at, $by
update accounts
set display_name = $display_name,
    role = $role,
    region_code = $region_code,
    is_enabled = $is_enabled,
    updated_at = $at,
    updated_by = $by
where identity = $identity
