-- Import: each uploaded training row (registered as incoming: row_no and the stored columns) against the stored row of
-- its natural key (region_code, period_month, agency_code): found, a row with the key is stored; same, it is stored as
-- a reported row with every figure equal (hours to six decimals). One row per uploaded row: grouped, as the table has
-- no unique index (a key stored twice is "same" only if both are). Parameters: none
select
    i.row_no,
    bool_or(s.region_code is not null) as found,
    coalesce(
        bool_and(
            not s.is_sample
            and i.officers = s.officers
            and i.certified_officers = s.certified_officers
            and i.full_rotation_trained = s.full_rotation_trained
            and round(i.public_law_hours, 6) = round(s.public_law_hours, 6)
            and round(i.professional_hours, 6) = round(s.professional_hours, 6)
            and i.exam_sampled = s.exam_sampled
            and i.exam_passed = s.exam_passed
            and i.township_officers = s.township_officers
            and i.township_officers_trained = s.township_officers_trained
        ),
        false
    ) as same
from incoming as i
left join training_stats as s
    on s.region_code = i.region_code
    and s.period_month = i.period_month::date
    and s.agency_code = i.agency_code
group by i.row_no
order by i.row_no
