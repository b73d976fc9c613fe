-- Sample generator: capacity statistics, one row per region x month, sorted by region.
-- Legal reviewers are drawn as 3.5 % to 6.5 % of the region's own officers (the target is 5 %); every township
-- has one 司法所, which gains a legally qualified person at a date drawn per township.
-- Parameters: $seed, $first_month, $last_month
insert into capacity_stats
with
officers as (
    select region_code, period_month, sum(officers) as officers
    from training_stats
    where period_month between $first_month::date and $last_month::date
    group by region_code, period_month
),

cells as (
    select
        o.region_code,
        o.period_month,
        o.officers,
        p.level,
        p.size,
        p.quality,
        sample_progress(o.period_month) as progress,
        (hash($seed, o.region_code, 'legal_staff') & 1023) / 1024.0 as u_staff,
        hash($seed, o.region_code, o.period_month, 'capacity') as h1
    from officers as o
    join sample_profiles as p on p.region_code = o.region_code
),

draws as (
    select
        *,
        (h1 & 1023) / 1024.0 as u1, ((h1 >> 10) & 1023) / 1024.0 as u2, ((h1 >> 20) & 1023) / 1024.0 as u3,
        ((h1 >> 30) & 1023) / 1024.0 as u4
    from cells
),

inspections as (
    select
        *,
        floor(
            case level when 'province' then 15 when 'city' then 40 when 'county' then 60 else 8 end
            * size * (0.6 + 0.8 * u1) + u2
        )::integer as enterprise_inspections
    from draws
),

final as (
    select
        region_code,
        period_month,
        floor(officers * (0.035 + 0.03 * quality) + u3)::integer as legal_reviewers,
        case when level = 'township' then 1 else 0 end as judicial_offices,
        case when level = 'township' and u_staff < 0.62 + 0.38 * progress * (0.6 + 0.4 * quality) then 1 else 0 end
            as judicial_offices_with_legal_staff,
        enterprise_inspections,
        floor(enterprise_inspections * (0.06 + 0.28 * progress * quality) + u4)::integer as enterprise_inspections_joint,
        floor(enterprise_inspections * (0.55 + 0.35 * progress) + u1)::integer as enterprise_inspections_random,
        true as is_sample,
        null::integer as import_id
    from inspections
)

select * from final
order by region_code, period_month
