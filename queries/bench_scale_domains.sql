-- Benchmark (bench/scaling.py): copy number $copy of every enforcement domain (code and names marked "~$copy"), so that
-- the case table can hold more rows over the same regions and months. Parameters: $copy
insert into domains
select
    domain_code || '~' || $copy::varchar,
    name_zh || '~' || $copy::varchar,
    name_en || '~' || $copy::varchar,
    sort_order + 1000 * $copy::integer
from domains
where domain_code not like '%~%'
