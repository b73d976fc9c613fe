-- Benchmark (bench/scaling.py): copy number $copy of every agency (code, names and domain marked "~$copy"), so that the
-- training table can hold more rows over the same regions and months. Parameters: $copy
insert into agencies
select
    agency_code || '~' || $copy::varchar,
    name_zh || '~' || $copy::varchar,
    name_en || '~' || $copy::varchar,
    domain_code || '~' || $copy::varchar,
    sort_order + 1000 * $copy::integer
from agencies
where agency_code not like '%~%'
