-- The account of a signed-in identity: by the provider's sub, else by e-mail; at most one row (sub wins).
-- Parameters: $sub, $email (lower case; null when the provider sent none)
select identity, display_name, role, region_code, is_enabled, created_at, created_by, updated_at, updated_by
from accounts
where identity = $sub or identity = $email
order by identity = $sub desc
limit 1
