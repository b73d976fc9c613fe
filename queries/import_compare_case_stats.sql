-- Import: each uploaded case row (registered as incoming: row_no and the stored columns) against the stored row of its
-- natural key (region_code, period_month, domain_code): found, a row with the key is stored; same, it is stored as a
-- reported row with every figure equal (so loading the file leaves it alone). One row per uploaded row: grouped, as the
-- table has no unique index (a key stored twice is "same" only if both are). No window or subquery over the stored
-- rows, which would hold a million of them in memory. Parameters: none
select
    i.row_no,
    bool_or(s.region_code is not null) as found,
    coalesce(
        bool_and(
            not s.is_sample
            and i.count_penalty = s.count_penalty
            and i.count_inspection = s.count_inspection
            and i.count_license = s.count_license
            and i.count_coercion = s.count_coercion
            and i.major_decisions = s.major_decisions
            and i.major_decisions_reviewed = s.major_decisions_reviewed
            and i.decisions_to_publicize = s.decisions_to_publicize
            and i.decisions_publicized = s.decisions_publicized
            and i.decisions_publicized_7d = s.decisions_publicized_7d
            and i.reconsiderations = s.reconsiderations
            and i.reconsiderations_corrected = s.reconsiderations_corrected
            and i.lawsuits = s.lawsuits
            and i.lawsuits_lost = s.lawsuits_lost
            and i.head_appearances = s.head_appearances
            and i.complaints_12345 = s.complaints_12345
            and i.case_files_reviewed = s.case_files_reviewed
            and i.case_files_passed = s.case_files_passed
        ),
        false
    ) as same
from incoming as i
left join case_stats as s
    on s.region_code = i.region_code
    and s.period_month = i.period_month::date
    and s.domain_code = i.domain_code
group by i.row_no
order by i.row_no
