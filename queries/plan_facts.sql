-- What a plan's document says besides its milestones: its number, date and note on the text (one row), and the
-- figures it reports as already achieved (zero or more rows, figure_id not null). Parameters: $plan_id
select
    p.plan_id, p.issuer, p.document_number, p.title, p.issue_date, p.note,
    f.figure_id, f.indicator, f.comparator, f.value, f.unit, f.as_of_text, f.quote as figure_quote
from plans as p
left join reported_figures as f on f.plan_id = p.plan_id
where p.plan_id = $plan_id
order by f.figure_id
