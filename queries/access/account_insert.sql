-- A new account. Parameters: $identity, $display_name, $role, $region_code, $is_enabled, $at, $by
insert into accounts (
    identity, display_name, role, region_code, is_enabled, created_at, created_by, updated_at, updated_by
)
values ($identity, $display_name, $role, $region_code, $is_enabled, $at, $by, $at, $by)
