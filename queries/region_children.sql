-- Child regions of one region, in pinyin order: one row per child. Parameters: $parent_code
select region_code, region_name, level, level_no, code_prefix
from regions
where parent_code = $parent_code
order by region_name collate zh, region_code
