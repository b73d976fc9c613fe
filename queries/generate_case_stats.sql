-- Sample generator: case statistics, one row per region x month x enforcement domain, sorted by region.
-- Counts are drawn around level- and domain-typical magnitudes; rates improve over 2023-2025, faster in
-- high-quality regions; integer counts use stochastic rounding floor(x + u), so a rate <= 1 never yields
-- more reviewed, publicized or lost cases than there are.
-- Parameters: $seed, $first_month, $last_month, $prefix (the subtree to generate: one call per province)
insert into case_stats
with
cells as (
    select
        p.region_code,
        m.period_month,
        d.domain_code,
        p.quality,
        p.size * case p.level when 'province' then 0.4 when 'city' then 1.3 when 'county' then 1.0 else 0.08 end
            * case when p.level = 'township' then d.township_weight else d.weight end as scale,
        m.progress,
        month(m.period_month) % 3 = 0 as is_quarter_end,
        hash($seed, p.region_code, m.period_month, d.domain_code, 1) as h1,
        hash($seed, p.region_code, m.period_month, d.domain_code, 2) as h2,
        hash($seed, p.region_code, m.period_month, d.domain_code, 3) as h3
    from sample_profiles as p
    cross join sample_months($first_month, $last_month) as m
    cross join sample_domain_profiles as d
    where in_subtree(p.region_code, $prefix)
),

draws as (
    select
        *,
        (h1 & 1023) / 1024.0 as u1, ((h1 >> 10) & 1023) / 1024.0 as u2, ((h1 >> 20) & 1023) / 1024.0 as u3,
        ((h1 >> 30) & 1023) / 1024.0 as u4, ((h1 >> 40) & 1023) / 1024.0 as u5, ((h1 >> 50) & 1023) / 1024.0 as u6,
        (h2 & 1023) / 1024.0 as u7, ((h2 >> 10) & 1023) / 1024.0 as u8, ((h2 >> 20) & 1023) / 1024.0 as u9,
        ((h2 >> 30) & 1023) / 1024.0 as u10, ((h2 >> 40) & 1023) / 1024.0 as u11, ((h2 >> 50) & 1023) / 1024.0 as u12,
        (h3 & 1023) / 1024.0 as u13, ((h3 >> 10) & 1023) / 1024.0 as u14, ((h3 >> 20) & 1023) / 1024.0 as u15,
        ((h3 >> 30) & 1023) / 1024.0 as u16, ((h3 >> 40) & 1023) / 1024.0 as u17
    from cells
),

counts as (
    select
        *,
        floor(26 * scale * (0.6 + 0.8 * u1) + u2)::integer as count_penalty,
        floor(170 * scale * (0.6 + 0.8 * u3) + u4)::integer as count_inspection,
        floor(210 * scale * (0.5 + u5) + u6)::integer as count_license,
        floor(3 * scale * (0.4 + 1.2 * u7) + u8)::integer as count_coercion,
        floor(11 * scale * (0.5 + u9) + u10)::integer as complaints_12345
    from draws
),

decisions as (
    select
        *,
        floor((count_penalty + count_coercion) * 0.07 + u11)::integer as major_decisions,
        count_penalty + count_license as decisions_to_publicize,
        floor(count_penalty * 0.012 + u12)::integer as reconsiderations,
        floor(count_penalty * 0.007 + u13)::integer as lawsuits,
        case when is_quarter_end then floor(count_penalty * 0.3 + u14)::integer else 0 end as case_files_reviewed
    from counts
),

final as (
    select
        region_code,
        period_month,
        domain_code,
        count_penalty,
        count_inspection,
        count_license,
        count_coercion,
        major_decisions,
        floor(major_decisions * case when quality >= 0.2 then 1.0 else 0.86 + 0.12 * progress end + u15)::integer
            as major_decisions_reviewed,
        decisions_to_publicize,
        floor(decisions_to_publicize * least(1.0, 0.955 + 0.03 * progress + 0.02 * quality) + u16)::integer
            as decisions_publicized,
        floor(
            floor(decisions_to_publicize * least(1.0, 0.955 + 0.03 * progress + 0.02 * quality) + u16)
            * least(1.0, 0.80 + 0.14 * progress + 0.08 * quality) + u17
        )::integer as decisions_publicized_7d,
        reconsiderations,
        floor(reconsiderations * (0.06 + 0.12 * (1 - quality)) + u1)::integer as reconsiderations_corrected,
        lawsuits,
        floor(lawsuits * (0.03 + 0.14 * (1 - quality)) + u3)::integer as lawsuits_lost,
        floor(lawsuits * least(1.0, 0.55 + 0.40 * progress + 0.15 * quality) + u5)::integer as head_appearances,
        complaints_12345,
        case_files_reviewed,
        floor(case_files_reviewed * (0.84 + 0.15 * quality) + u7)::integer as case_files_passed,
        true as is_sample,
        null::integer as import_id
    from decisions
)

select * from final
order by region_code, period_month, domain_code
