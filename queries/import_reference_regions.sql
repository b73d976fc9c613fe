-- Import checks: every region an uploaded row may name, one row per region. Parameters: none
select region_code, region_name, full_name
from regions
