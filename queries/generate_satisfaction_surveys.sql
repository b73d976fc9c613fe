-- Sample generator: satisfaction surveys, one row per province/city/county x quarter (the closing month).
-- Satisfaction rises over the plan period; the best regions pass 99 % by 2025, others stay below.
-- Parameters: $seed, $first_month, $last_month
insert into satisfaction_surveys
with
cells as (
    select p.*, m.*, hash($seed, p.region_code, m.period_month, 'survey') as h1
    from sample_profiles as p
    cross join sample_months($first_month, $last_month) as m
    where p.level <> 'township' and month(m.period_month) % 3 = 0
),

final as (
    select
        region_code,
        period_month,
        300 + ((h1 & 1023) / 2)::integer as respondents,
        floor(
            (300 + ((h1 & 1023) / 2)::integer)
            * least(0.999, 0.955 + 0.03 * progress + 0.018 * quality) + ((h1 >> 10) & 1023) / 1024.0
        )::integer as satisfied,
        true as is_sample,
        null::integer as import_id
    from cells
)

select * from final
order by region_code, period_month
