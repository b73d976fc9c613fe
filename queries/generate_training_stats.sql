-- Sample generator: training statistics, one row per region x month x agency, sorted by region.
-- Provinces, cities and counties report for each domain agency and the justice administration; townships for
-- their comprehensive enforcement team. Full rotation runs from 2023-10 over 6 to 19 months depending on the
-- region; yearly hours per officer centre on the 60-hour target; exam sampling follows each year's ratio.
-- Parameters: $seed, $first_month, $last_month, $prefix (the subtree to generate: one call per province)
insert into training_stats
with
region_agencies as (
    select p.region_code, p.level, p.size, p.quality, a.agency_code, 10 + 70 * d.weight as base_officers
    from sample_profiles as p
    join sample_domain_profiles as d on p.level <> 'township'
    join agencies as a on a.domain_code = d.domain_code
    where in_subtree(p.region_code, $prefix)
    union all
    select p.region_code, p.level, p.size, p.quality, 'justice', 12
    from sample_profiles as p
    where p.level <> 'township' and in_subtree(p.region_code, $prefix)
    union all
    select p.region_code, p.level, p.size, p.quality, 'township_team', 14
    from sample_profiles as p
    where p.level = 'township' and in_subtree(p.region_code, $prefix)
),

cells as (
    select
        ra.*,
        m.period_month,
        m.progress,
        floor(
            ra.base_officers * ra.size
            * case ra.level when 'province' then 0.5 when 'city' then 1.2 else 1.0 end
            * (1 + 0.02 * (year(m.period_month) - 2023)) + 0.5
        )::integer as officers,
        -- months the full rotation takes, and the yearly hours per officer: stable per region and agency
        6 + 10 * (1 - ra.quality) + 3 * ((hash($seed, ra.region_code, ra.agency_code, 'rotation') & 1023) / 1024.0)
            as rotation_months,
        48 + 26 * ra.quality + 6 * ((hash($seed, ra.region_code, ra.agency_code, 'hours') & 1023) / 1024.0 - 0.5)
            as yearly_hours,
        case year(m.period_month)
            when 2023 then 0.18 + 0.25 * ra.quality
            when 2024 then 0.45 + 0.30 * ra.quality
            else least(1.0, 0.82 + 0.25 * ra.quality)
        end as yearly_exam_ratio,
        (hash($seed, ra.region_code, ra.agency_code, year(m.period_month), 'exam') & 1023) / 1024.0 as u_exam_year,
        hash($seed, ra.region_code, m.period_month, ra.agency_code, 1) as h1
    from region_agencies as ra
    cross join sample_months($first_month, $last_month) as m
),

draws as (
    select
        *,
        (h1 & 1023) / 1024.0 as u1, ((h1 >> 10) & 1023) / 1024.0 as u2, ((h1 >> 20) & 1023) / 1024.0 as u3,
        ((h1 >> 30) & 1023) / 1024.0 as u4, ((h1 >> 40) & 1023) / 1024.0 as u5, ((h1 >> 50) & 1023) / 1024.0 as u6,
        greatest(date_diff('month', date '2023-10-01', period_month) + 1, 0) as rotation_months_elapsed,
        -- the year's sample is allocated month by month from a cumulative target, so it never exceeds the officers
        (floor(officers * yearly_exam_ratio * month(period_month) / 12 + u_exam_year)
            - floor(officers * yearly_exam_ratio * (month(period_month) - 1) / 12 + u_exam_year))::integer as exam_sampled
    from cells
),

final as (
    select
        region_code,
        period_month,
        agency_code,
        officers,
        floor(officers * least(1.0, 0.90 + 0.05 * progress + 0.06 * quality) + u1)::integer as certified_officers,
        floor(officers * least(1.0, rotation_months_elapsed / rotation_months))::integer as full_rotation_trained,
        round(officers * yearly_hours / 12 * 0.5 * (0.7 + 0.6 * u2), 1) as public_law_hours,
        round(officers * yearly_hours / 12 * 0.5 * (0.7 + 0.6 * u3), 1) as professional_hours,
        exam_sampled,
        floor(exam_sampled * (0.86 + 0.12 * quality) + u5)::integer as exam_passed,
        case when agency_code = 'township_team' then officers else 0 end as township_officers,
        case
            when agency_code = 'township_team'
                then floor(officers * least(1.0, month(period_month) / (10 + 4 * (1 - quality))))::integer
            else 0
        end as township_officers_trained,
        true as is_sample,
        null::integer as import_id
    from draws
)

select * from final
order by region_code, period_month, agency_code
