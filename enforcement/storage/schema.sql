-- Schema of the dashboard database (one DuckDB file).
-- Reference facts (regions, plans, milestones, targets, reported figures) come from data/reference/;
-- statistics (task progress, training, cases, capacity, satisfaction) come from the sample generator or from imports.
-- Every statistics row says whether it is sample data (is_sample) and, if imported, which import brought it.
-- Stocks (headcounts, cumulative totals) are values at the end of the month; flows are amounts within the month.

create table meta (
    key varchar primary key,
    value varchar not null
);

-- Regions: GB/T 2260 codes, 6 digits down to county level, 9 digits for townships, under one virtual root
-- 000000 全国 (level nation, empty prefix) so that the national view is a subtree like any other.
-- code_prefix: the significant digits (2 for a province, 4 for a city, the whole code below), so that every
-- region of a subtree has a code starting with the root's prefix; subtree filters are code ranges (see in_subtree).
-- lineage: the codes from the province down to the region itself (empty for the nation).
create table regions (
    region_code varchar primary key check (regexp_full_match(region_code, '[0-9]{6}|[0-9]{9}')),
    region_name varchar not null,
    level varchar not null check (level in ('nation', 'province', 'city', 'county', 'township')),
    level_no tinyint not null check (level_no between 0 and 4),
    parent_code varchar check ((parent_code is null) = (level = 'nation')),
    code_prefix varchar not null check (starts_with(region_code, code_prefix)),
    province_code varchar not null,
    full_name varchar not null,
    lineage varchar[] not null,
    source varchar not null
);

create table plans (
    plan_id varchar primary key,
    issuer_region_code varchar not null references regions (region_code),
    issuer varchar not null,
    document_number varchar,
    title varchar not null,
    issue_date date,
    schedule_start_date date not null,
    source_file varchar not null,
    document_kind varchar not null,
    note varchar
);

create table milestones (
    milestone_id varchar primary key,
    plan_id varchar not null references plans (plan_id),
    seq integer not null,
    clause_path varchar not null,
    short_name_zh varchar not null,  -- what a chart axis calls it (reviewed, ≤ 12 characters)
    short_name_en varchar not null,
    task_area varchar not null,
    kind varchar not null check (kind in ('goal', 'task', 'evaluation')),
    requirement varchar not null,
    lead_units varchar,
    responsible_units varchar,
    deadline_text varchar,
    deadline_date date,
    milestone_year smallint check (milestone_year = year(deadline_date)),
    is_ongoing boolean not null,
    applies_to_levels varchar[] not null,
    quote varchar not null
);

create table targets (
    target_id varchar primary key,
    plan_id varchar not null references plans (plan_id),
    seq integer not null,
    clause_path varchar not null,
    indicator_key varchar not null,
    indicator_name varchar not null,
    comparator varchar not null check (comparator in ('>=', '<=', '=', '<', '>', 'below_parent_avg')),
    target_value double check ((target_value is null) = (comparator = 'below_parent_avg')),
    unit varchar not null,
    target_year smallint,
    deadline_date date,
    applies_to varchar,
    applies_to_levels varchar[] not null,
    milestone_id varchar references milestones (milestone_id),
    quote varchar not null
);

create table reported_figures (
    figure_id varchar primary key,
    plan_id varchar not null references plans (plan_id),
    region_code varchar not null references regions (region_code),
    indicator varchar not null,
    comparator varchar not null,
    value double not null,
    unit varchar not null,
    as_of_text varchar,
    as_of_date date,
    quote varchar not null
);

-- How each indicator is measured, and whether targets on it are tracked by statistics or by milestone progress.
create table indicators (
    indicator_key varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    unit varchar not null,
    higher_is_better boolean not null,
    computed_from varchar not null check (computed_from in ('statistics', 'milestone')),
    definition varchar not null,
    definition_en varchar not null,  -- the same in English, for the English pages
    -- The formula of a statistics indicator (indicator_values_of): value = multiplier x (12 / months, when per_year)
    -- x sum(numerator_measures) / denominator_measure, over measure columns of monthly_facts (measure_names()).
    numerator_measures varchar[],
    denominator_measure varchar,
    multiplier double,
    per_year boolean,
    -- The fact tables the formula reads ('cases', 'training', 'capacity', 'surveys'; empty for milestone
    -- indicators), derived at load from the tables' columns: what subtree_period's sources filter takes.
    sources varchar[] not null,
    check ((computed_from = 'statistics') = coalesce(
        len(numerator_measures) > 0 and denominator_measure is not null and multiplier is not null
        and per_year is not null,
        false
    ))
);

-- Enforcement domains (cases) and agencies (training); agencies of a domain carry its domain_code.
create table domains (
    domain_code varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    sort_order integer not null
);

create table agencies (
    agency_code varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    domain_code varchar references domains (domain_code),
    sort_order integer not null
);

create table imports (
    import_id integer primary key,
    imported_at timestamp not null,
    dataset varchar not null,
    file_name varchar not null,
    stored_path varchar not null,
    checksum_sha256 varchar not null,
    rows_in_file integer not null check (rows_in_file >= 0),
    rows_inserted integer not null check (rows_inserted >= 0),
    rows_replaced integer not null check (rows_replaced >= 0),
    rows_unchanged integer not null check (rows_unchanged >= 0),
    imported_by varchar
);

-- Task progress: an append-only history of reports. The status on any date is the latest report up to it.
create table task_progress (
    milestone_id varchar not null references milestones (milestone_id),
    region_code varchar not null,
    report_date date not null,
    status_reported varchar not null check (status_reported in ('not_started', 'in_progress', 'completed', 'not_applicable')),
    percent_complete tinyint not null check (percent_complete between 0 and 100),
    completed_on date check (completed_on <= report_date),
    evidence_note varchar,
    is_sample boolean not null,
    import_id integer,
    primary key (milestone_id, region_code, report_date),
    check ((status_reported = 'completed') = (completed_on is not null)),
    check (status_reported <> 'completed' or percent_complete = 100)
);

-- Training: region x month x agency. Kept sorted by region_code so subtree filters skip row groups.
create table training_stats (
    region_code varchar not null,
    period_month date not null check (day(period_month) = 1),
    agency_code varchar not null,
    officers integer not null check (officers >= 0),                                   -- stock
    certified_officers integer not null check (certified_officers between 0 and officers),  -- stock
    full_rotation_trained integer not null check (full_rotation_trained between 0 and officers),  -- stock, cumulative since the plan
    public_law_hours double not null check (public_law_hours >= 0),                    -- flow
    professional_hours double not null check (professional_hours >= 0),               -- flow
    exam_sampled integer not null check (exam_sampled >= 0),                           -- flow
    exam_passed integer not null check (exam_passed between 0 and exam_sampled),       -- flow
    township_officers integer not null check (township_officers >= 0),                 -- stock
    township_officers_trained integer not null check (township_officers_trained between 0 and township_officers),  -- stock, this year so far
    is_sample boolean not null,
    import_id integer
    -- natural key (region_code, period_month, agency_code): unique by the importer and a data test, not an index
);

-- Cases: region x month x enforcement domain. Kept sorted by region_code so subtree filters skip row groups.
create table case_stats (
    region_code varchar not null,
    period_month date not null check (day(period_month) = 1),
    domain_code varchar not null,
    count_penalty integer not null check (count_penalty >= 0),
    count_inspection integer not null check (count_inspection >= 0),
    count_license integer not null check (count_license >= 0),
    count_coercion integer not null check (count_coercion >= 0),
    major_decisions integer not null check (major_decisions >= 0),
    major_decisions_reviewed integer not null check (major_decisions_reviewed between 0 and major_decisions),
    decisions_to_publicize integer not null check (decisions_to_publicize >= 0),
    decisions_publicized integer not null check (decisions_publicized between 0 and decisions_to_publicize),
    decisions_publicized_7d integer not null check (decisions_publicized_7d between 0 and decisions_publicized),
    reconsiderations integer not null check (reconsiderations >= 0),
    reconsiderations_corrected integer not null check (reconsiderations_corrected between 0 and reconsiderations),
    lawsuits integer not null check (lawsuits >= 0),
    lawsuits_lost integer not null check (lawsuits_lost between 0 and lawsuits),
    head_appearances integer not null check (head_appearances between 0 and lawsuits),
    complaints_12345 integer not null check (complaints_12345 >= 0),
    case_files_reviewed integer not null check (case_files_reviewed >= 0),
    case_files_passed integer not null check (case_files_passed between 0 and case_files_reviewed),
    is_sample boolean not null,
    import_id integer
    -- natural key (region_code, period_month, domain_code): unique by the importer and a data test, not an
    -- index (an index over 28 M national rows would cost gigabytes of memory and most of the build time)
);

-- Capacity the targets need: region x month.
create table capacity_stats (
    region_code varchar not null,
    period_month date not null check (day(period_month) = 1),
    legal_reviewers integer not null check (legal_reviewers >= 0),                     -- stock
    judicial_offices integer not null check (judicial_offices >= 0),                   -- stock (司法所)
    judicial_offices_with_legal_staff integer not null check (judicial_offices_with_legal_staff between 0 and judicial_offices),  -- stock
    enterprise_inspections integer not null check (enterprise_inspections >= 0),       -- flow
    enterprise_inspections_joint integer not null check (enterprise_inspections_joint between 0 and enterprise_inspections),
    enterprise_inspections_random integer not null check (enterprise_inspections_random between 0 and enterprise_inspections),
    is_sample boolean not null,
    import_id integer,
    primary key (region_code, period_month)
);

-- Satisfaction surveys: region x survey month (the month the survey closed).
create table satisfaction_surveys (
    region_code varchar not null,
    period_month date not null check (day(period_month) = 1),
    respondents integer not null check (respondents > 0),
    satisfied integer not null check (satisfied between 0 and respondents),
    is_sample boolean not null,
    import_id integer,
    primary key (region_code, period_month)
);

-- The stored rows an import replaced, one row each, numbered 1.. per import in the order of the file's rows: the file
-- row that replaced it and the whole stored row, kept typed as a struct of its table's row (one archive table per
-- dataset, its type taken from the fact table itself). Typed, not as JSON text: a million replaced rows are
-- written in about a third of the time, and only the page a person reads is turned into JSON (the view below).
create table replaced_case_stats as
select 0::integer as import_id, 0::integer as replaced_no, 0::integer as replaced_by_row, c as stored_row
from case_stats as c limit 0;
create table replaced_training_stats as
select 0::integer as import_id, 0::integer as replaced_no, 0::integer as replaced_by_row, t as stored_row
from training_stats as t limit 0;
create table replaced_task_progress as
select 0::integer as import_id, 0::integer as replaced_no, 0::integer as replaced_by_row, p as stored_row
from task_progress as p limit 0;

-- Every import's replaced rows as the import page reads them: the natural key as text and the stored row as JSON
-- (the three datasets have different columns).
create view import_replaced_rows as
select
    import_id, replaced_no, replaced_by_row,
    concat_ws(' / ', stored_row.region_code, strftime(stored_row.period_month, '%Y-%m-%d'), stored_row.domain_code)
        as row_key,
    to_json(stored_row) as row_json
from replaced_case_stats
union all
select
    import_id, replaced_no, replaced_by_row,
    concat_ws(' / ', stored_row.region_code, strftime(stored_row.period_month, '%Y-%m-%d'), stored_row.agency_code),
    to_json(stored_row)
from replaced_training_stats
union all
select
    import_id, replaced_no, replaced_by_row,
    concat_ws(' / ', stored_row.milestone_id, stored_row.region_code, strftime(stored_row.report_date, '%Y-%m-%d')),
    to_json(stored_row)
from replaced_task_progress;

-- ---------------------------------------------------------------------------------------------------------
-- Shared logic: the one place for subtree membership and status rules.

-- A region code lies in the subtree whose root has this code_prefix. Written as a range so that a table
-- sorted by region_code is filtered by its zone maps (every code is digits, and ':' sorts right after '9').
create macro in_subtree(code, prefix) as code >= prefix and code < prefix || ':';

-- Share of the schedule elapsed on as_of (0 to 1): the basis of 序时进度.
create macro schedule_share(as_of, schedule_start, deadline) as
    case
        when as_of >= deadline then 1.0
        when as_of <= schedule_start then 0.0
        else (as_of - schedule_start) / greatest(deadline - schedule_start, 1)
    end;

-- Percentage points a report may trail the time-proportional schedule before it counts as behind.
create macro schedule_tolerance_pts() as 10;

-- Milestone status of one region on one date. Precedence: finished states, then overdue (red),
-- behind schedule (yellow), due within 60 days (blue), in progress (green), not started (grey).
-- A milestone without a deadline (ongoing duty) is never overdue, behind or due.
create macro milestone_status(as_of, deadline, schedule_start, status_reported, percent_complete, completed_on) as
    case
        when status_reported = 'not_applicable' then 'not_applicable'
        when completed_on is not null and completed_on <= as_of then
            case when deadline is null or completed_on <= deadline then 'done_on_time' else 'done_late' end
        when deadline is null then
            case when coalesce(percent_complete, 0) > 0 then 'in_progress' else 'not_started' end
        when as_of > deadline then 'overdue'
        when coalesce(percent_complete, 0) + schedule_tolerance_pts()
             < 100 * schedule_share(as_of, schedule_start, deadline) then 'behind_schedule'
        when deadline - as_of <= 60 then 'due_soon'
        when coalesce(percent_complete, 0) > 0 then 'in_progress'
        else 'not_started'
    end;

-- Target status: met, not met, or no data. below_parent_avg compares with the parent region's value.
create macro target_status(value, comparator, target_value, parent_value) as
    case
        when value is null then 'no_data'
        when comparator = 'below_parent_avg' then
            case when parent_value is null then 'no_data' when value < parent_value then 'met' else 'not_met' end
        when comparator = '>=' then case when value >= target_value - 1e-9 then 'met' else 'not_met' end
        when comparator = '>' then case when value > target_value then 'met' else 'not_met' end
        when comparator = '<=' then case when value <= target_value + 1e-9 then 'met' else 'not_met' end
        when comparator = '<' then case when value < target_value then 'met' else 'not_met' end
        when comparator = '=' then case when abs(value - target_value) < 1e-9 then 'met' else 'not_met' end
    end;

-- Which regions must report on which milestones: the plan's subtree, at the levels the milestone names.
-- Written as an equi-join on (plan, level) after the plans' subtrees are found (five range scans of regions):
-- with list_contains as the join condition DuckDB range-joins every milestone to the regions, ten times slower.
create view milestone_assignments as
with
plan_regions as (
    select p.plan_id, r.region_code, r.level
    from plans as p
    join regions as root on root.region_code = p.issuer_region_code
    join regions as r on in_subtree(r.region_code, root.code_prefix)
),

milestone_levels as (
    select milestone_id, plan_id, unnest(applies_to_levels) as level
    from milestones
)

select
    ml.milestone_id,
    ml.plan_id,
    pr.region_code,
    pr.level
from milestone_levels as ml
join plan_regions as pr on pr.plan_id = ml.plan_id and pr.level = ml.level;

-- Derived, never edited (rebuilt by enforcement/rollups.py with queries/rollup_*.sql after the build and every
-- import, like rollup_monthly): the assignments above as a table, and every progress report with the date the next
-- report of the same (milestone, region) replaced it. Status queries read these instead of recomputing five range
-- joins over the regions and a 260 k-row arg_max on every call.
create table milestone_assignments_stored (
    milestone_id varchar not null,
    plan_id varchar not null,
    region_code varchar not null,
    level varchar not null
);

create table progress_spans (
    milestone_id varchar not null,
    region_code varchar not null,
    report_date date not null,
    replaced_on date,  -- the next report's date; null while this is the latest report
    status_reported varchar not null,
    percent_complete tinyint not null,
    completed_on date,
    evidence_note varchar
);

-- Latest progress report of every (milestone, region) up to as_of: the report whose span covers as_of.
create macro progress_as_of(as_of) as table
select milestone_id, region_code, report_date, status_reported, percent_complete, completed_on, evidence_note
from progress_spans
where report_date <= as_of and (replaced_on is null or replaced_on > as_of);

-- Every (milestone, region) pair of assignments (the name of milestone_assignments, or of its stored copy
-- milestone_assignments_stored once the rollups are built) with the dates its status is judged by: the milestone's
-- deadline (and its year) and the plan's schedule start.
create macro assignment_schedules(assignments) as table
select a.milestone_id, a.plan_id, a.region_code, a.level, m.milestone_year, m.deadline_date, pl.schedule_start_date
from query_table(assignments) as a
join milestones as m on m.milestone_id = a.milestone_id
join plans as pl on pl.plan_id = a.plan_id;

-- Status of every assigned (milestone, region) pair on as_of; pairs with no report count as not started.
create macro milestone_status_as_of(as_of) as table
select
    a.* exclude (schedule_start_date),
    p.report_date,
    p.percent_complete,
    p.completed_on,
    p.evidence_note,
    milestone_status(
        as_of::date, a.deadline_date, a.schedule_start_date,
        coalesce(p.status_reported, 'not_started'), p.percent_complete, p.completed_on
    ) as status
from assignment_schedules('milestone_assignments_stored') as a
left join progress_as_of(as_of) as p
    on p.milestone_id = a.milestone_id and p.region_code = a.region_code;

-- The plans that concern a region: issued at or above it (the issuer's subtree holds it) or inside its subtree. One
-- row per plan: what an export of a region's catalogues (milestones, targets) semi-joins to.
create macro plans_concerning(for_region) as table
with root as (
    select region_code, code_prefix from regions where region_code = for_region
)
select p.plan_id
from plans as p
join regions as issuer on issuer.region_code = p.issuer_region_code
cross join root
where in_subtree(root.region_code, issuer.code_prefix) or in_subtree(issuer.region_code, root.code_prefix);

-- Milestone statuses from the most to the least urgent (the order of enforcement/status.py MILESTONE_STATUSES).
create macro milestone_status_order() as
    ['overdue', 'behind_schedule', 'due_soon', 'in_progress', 'not_started', 'done_late', 'done_on_time',
     'not_applicable'];

-- The worst (most urgent) status in a list of statuses: what a group of (milestone, region) pairs shows as one.
-- Use as worst_milestone_status(list(status)) in a group by; an empty list gives null.
create macro worst_milestone_status(statuses) as
    milestone_status_order()[
        list_min(list_transform(statuses, lambda s: list_position(milestone_status_order(), s)))
    ];

-- The units a milestone names (lead units first, then responsible units), from their ';'-separated lists.
create macro milestone_units(lead_units, responsible_units) as
    list_filter(string_split(concat_ws(';', lead_units, responsible_units), ';'), lambda u: trim(u) <> '');

-- Status of every assigned (milestone, region) pair in root's subtree on as_of, with the child of the root each
-- falls under (child_code null: the root's own agencies) and the region's path below the root ('东港区 / 日照街道').
create macro subtree_milestone_status(root_code, as_of) as table
with root as (
    select region_code, code_prefix, len(lineage) as depth, full_name from regions where region_code = root_code
)
select
    s.*,
    r.lineage[root.depth + 1] as child_code,
    case
        when r.region_code = root.region_code then r.region_name
        when root.depth = 0 then r.full_name
        else substr(r.full_name, length(root.full_name) + 4)
    end as region_path
from milestone_status_as_of(as_of) as s
join regions as r on r.region_code = s.region_code, root
where in_subtree(s.region_code, root.code_prefix);

-- The pairs of subtree_milestone_status(root_code, as_of) of one plan (and task area; null: all) grouped by milestone,
-- or with by_row := true by milestone and board row (row_code: the root's child each pair falls under, or the root
-- for its own agencies, is_own): the worst status of the pairs, how many there are in each status, the mean
-- percent complete of the applicable ones, the last report, and the day the group finished (its last completion,
-- once every applicable pair is done). What the milestone summary and the milestone board show.
create macro milestone_status_groups(root_code, as_of, for_plan, for_area, by_row := false) as table
select
    s.milestone_id,
    case when by_row then coalesce(s.child_code, root_code) end as row_code,
    any_value(m.seq) as seq,
    bool_and(s.child_code is null) as is_own,
    worst_milestone_status(list(s.status)) as status,
    count(*) as count_items,
    count(*) filter (where s.status = 'overdue') as count_overdue,
    count(*) filter (where s.status = 'behind_schedule') as count_behind_schedule,
    count(*) filter (where s.status = 'due_soon') as count_due_soon,
    count(*) filter (where s.status = 'in_progress') as count_in_progress,
    count(*) filter (where s.status = 'not_started') as count_not_started,
    count(*) filter (where s.status = 'done_late') as count_done_late,
    count(*) filter (where s.status = 'done_on_time') as count_done_on_time,
    count(*) filter (where s.status = 'not_applicable') as count_not_applicable,
    round(avg(coalesce(s.percent_complete, 0)) filter (where s.status <> 'not_applicable'), 1) as percent_complete,
    max(s.report_date) as report_date,
    case
        when count(*) filter (where s.status not in ('done_on_time', 'done_late', 'not_applicable')) = 0
            then max(s.completed_on)
    end as completed_on
from subtree_milestone_status(root_code, as_of::date) as s
join milestones as m on m.milestone_id = s.milestone_id
where s.plan_id = for_plan
    and (for_area::varchar is null or m.task_area = for_area)
group by s.milestone_id, case when by_row then coalesce(s.child_code, root_code) end;

-- The rows of a statistics table (stats_table: its name, e.g. 'case_stats') in the subtree whose root has prefix
-- (passed as a value, so that the code range is a constant that skips row groups), of regions at for_level unless it
-- is null, over the months month_from to month_to: the table's columns with the region's name after its code. What
-- the exports of the statistics read.
create macro stats_in_scope(stats_table, prefix, for_level, month_from, month_to) as table
select s.region_code, r.region_name, s.* exclude (region_code)
from query_table(stats_table) as s
join regions as r on r.region_code = s.region_code
where in_subtree(s.region_code, prefix)
    and (for_level::varchar is null or r.level = for_level)
    and s.period_month between month_from::date and month_to::date;

-- ---------------------------------------------------------------------------------------------------------
-- Indicators: the measures of a subtree, and the one definition of every indicator formula.

-- Every statistics row of the four fact tables in one shape (measures of the other tables null), with the table
-- it comes from (source: cases, training, capacity, surveys, as measures_of names them) and the domain it counts under: the case's domain, the training agency's domain, or null (agencies without a domain,
-- capacity, satisfaction). subtree_monthly reads small subtrees from it; rollup_monthly holds the large ones.
create view monthly_facts as
select
    'cases' as source, region_code, period_month, domain_code,
    count_penalty, count_inspection, count_license, count_coercion,
    major_decisions, major_decisions_reviewed, decisions_to_publicize, decisions_publicized, decisions_publicized_7d,
    reconsiderations, reconsiderations_corrected, lawsuits, lawsuits_lost, head_appearances, complaints_12345,
    case_files_reviewed, case_files_passed, is_sample as cases_sample
from case_stats
union all by name
select
    'training' as source, t.region_code, t.period_month, t.agency_code, a.domain_code,
    t.officers, t.certified_officers, t.full_rotation_trained, t.public_law_hours, t.professional_hours,
    t.exam_sampled, t.exam_passed, t.township_officers, t.township_officers_trained, t.is_sample as training_sample
from training_stats as t
join agencies as a on a.agency_code = t.agency_code
union all by name
select
    'capacity' as source, region_code, period_month, null::varchar as domain_code,
    legal_reviewers, judicial_offices, judicial_offices_with_legal_staff,
    enterprise_inspections, enterprise_inspections_joint, enterprise_inspections_random, is_sample as capacity_sample
from capacity_stats
union all by name
select
    'surveys' as source, region_code, period_month, null::varchar as domain_code, respondents, satisfied,
    is_sample as survey_sample
from satisfaction_surveys;

-- The measure columns of monthly_facts, and so of subtree_monthly, subtree_period and subtree_ytd: what an
-- indicator formula (indicators.numerator_measures, denominator_measure) may name, by the fact table they come from.
-- A test holds each list to its table's columns.
create macro case_measures() as [
    'count_penalty', 'count_inspection', 'count_license', 'count_coercion',
    'major_decisions', 'major_decisions_reviewed', 'decisions_to_publicize', 'decisions_publicized',
    'decisions_publicized_7d', 'reconsiderations', 'reconsiderations_corrected', 'lawsuits', 'lawsuits_lost',
    'head_appearances', 'complaints_12345', 'case_files_reviewed', 'case_files_passed'
];
create macro training_measures() as [
    'officers', 'certified_officers', 'full_rotation_trained', 'public_law_hours', 'professional_hours',
    'exam_sampled', 'exam_passed', 'township_officers', 'township_officers_trained'
];
create macro capacity_measures() as [
    'legal_reviewers', 'judicial_offices', 'judicial_offices_with_legal_staff',
    'enterprise_inspections', 'enterprise_inspections_joint', 'enterprise_inspections_random'
];
create macro survey_measures() as ['respondents', 'satisfied'];
create macro measure_names() as case_measures() || training_measures() || capacity_measures() || survey_measures();

-- Stocks: values at the end of a month (headcounts, cumulative totals), taken at the period's last month instead of
-- summed over it. The other measures are flows.
create macro stock_measures() as [
    'officers', 'certified_officers', 'full_rotation_trained', 'township_officers', 'township_officers_trained',
    'legal_reviewers', 'judicial_offices', 'judicial_offices_with_legal_staff'
];

-- The measure columns a subtree macro returns for a sources list (null: all of them): those fact tables' measures.
-- A query after one page's indicators then carries a dozen columns instead of 34, and DuckDB binds, plans and runs
-- each of its operators that much narrower (about a quarter of an indicator query's time).
create macro measures_of(sources) as
    case
        when sources is null then measure_names()
        else flatten([
            case when list_contains(sources::varchar[], 'cases') then case_measures() else [] end,
            case when list_contains(sources::varchar[], 'training') then training_measures() else [] end,
            case when list_contains(sources::varchar[], 'capacity') then capacity_measures() else [] end,
            case when list_contains(sources::varchar[], 'surveys') then survey_measures() else [] end
        ])
    end;

-- Derived, never edited: the subtree totals of every province, city and county, by month and domain, so that a
-- national, provincial or city view reads a few thousand rows instead of millions; and the own rows of the nation,
-- the provinces and the cities (parent_code = region_code: the figures reported at the region itself), so that such
-- a view reads this one table and not the four fact tables. Rebuilt from the fact tables by enforcement/rollups.py
-- (queries/rollup_*.sql) after every build and import; tests check it equals the base data.
-- One row per (region, month, domain, source table): a row holds one table's measures, the others are null.
-- Each source's rows are sorted by parent_code, so the rows under one region are a few contiguous row groups.
create table rollup_monthly (
    parent_code varchar not null,
    region_code varchar not null,
    period_month date not null,
    agency_code varchar,  -- training rows only: one row per agency
    domain_code varchar,
    count_penalty bigint, count_inspection bigint, count_license bigint, count_coercion bigint,
    major_decisions bigint, major_decisions_reviewed bigint, decisions_to_publicize bigint,
    decisions_publicized bigint, decisions_publicized_7d bigint, reconsiderations bigint,
    reconsiderations_corrected bigint, lawsuits bigint, lawsuits_lost bigint, head_appearances bigint,
    complaints_12345 bigint, case_files_reviewed bigint, case_files_passed bigint, cases_sample boolean,
    officers bigint, certified_officers bigint, full_rotation_trained bigint, public_law_hours double,
    professional_hours double, exam_sampled bigint, exam_passed bigint, township_officers bigint,
    township_officers_trained bigint, training_sample boolean,
    legal_reviewers bigint, judicial_offices bigint, judicial_offices_with_legal_staff bigint,
    enterprise_inspections bigint, enterprise_inspections_joint bigint, enterprise_inspections_random bigint,
    capacity_sample boolean,
    respondents bigint, satisfied bigint, survey_sample boolean
);

-- The depth a region code's pattern claims (GB/T 2260: 000000 the nation, xx0000 a province, xxxx00 a city, six
-- digits a county, nine a township; one less under a municipality or a province's directly administered counties). Never less than the region's real depth (a test checks every region), so
-- that subtree_monthly can choose its plan from the code alone, as a constant the optimizer folds: the branches a
-- root does not need are not even scanned.
create macro code_depth(code) as
    case
        when code = '000000' then 0
        -- the counties of the municipalities (11, 12, 31, 50) and a province's directly administered ones (xx90xx)
        -- hang from the province itself: the code lists' grouping nodes are not regions (load_regions.sql)
        when length(code) > 6 then case when code[1:2] in ('11', '12', '31', '50') or code[3:4] = '90' then 3 else 4 end
        when code[3:6] = '0000' then 1
        when code[5:6] = '00' then 2
        when code[1:2] in ('11', '12', '31', '50') or code[3:4] = '90' then 2
        else 3
    end;

-- Monthly measures of root's subtree by child of the root: one row per (child, month) with the sums over the
-- child's whole subtree, plus one row per month for the root's own agencies (child_code null). With
-- by_grandchild := true the rows are split one level further: one row per (grandchild, month), plus the children's
-- own agencies (grandchild_code null). With by_domain := true each row is split by domain_code (cases: their
-- domain; training: the agency's domain; null: agencies without a domain, capacity, satisfaction); with
-- by_agency := true by agency_code (training only; null for the other measures). A non-null
-- domain keeps that domain's rows and the measures that have no domain. A non-null sources (a list of 'cases',
-- 'training', 'capacity', 'surveys': the fact tables, as indicator_catalog's sources names them) keeps only those
-- tables' rows and their measure columns (measures_of): a query after one indicator then sums a quarter of the rows
-- over a third of the columns.
-- With stocks_at (a month) the stock measures count only in that month's rows (null in the others), so that summing
-- a period's rows takes them at its end.
-- region_code is the row's region (the grandchild, the child, or the root for its own agencies).
-- Where the rows' level is a county or above (or a township directly under a city), everything comes from
-- rollup_monthly: the children's (grandchildren's) subtree totals and the root's (children's) own rows. Deeper splits
-- read the root's subtree from the fact tables, sorted by region code so that the range reads a few row groups. Both
-- give the same numbers (tests/test_rollups.py). code_depth is a constant, so the branch not taken is not planned.
create macro subtree_monthly(
    root_code, month_from, month_to, domain, by_grandchild := false, by_domain := false, by_agency := false,
    sources := null, stocks_at := null
) as table
with
root as (
    select code_prefix, len(lineage) as depth from regions where region_code = root_code
),

facts as (
    -- the whole subtree from the fact tables, when the split level is below the rollups
    select
        f.* exclude (source),
        x.lineage[root.depth + 1] as child_code,
        case when by_grandchild then x.lineage[root.depth + 2] end as grandchild_code
    from monthly_facts as f, root, regions as x
    where code_depth(root_code) + (case when by_grandchild then 2 else 1 end) > 3
        and f.region_code between root.code_prefix and root.code_prefix || ':'
        and x.region_code between root.code_prefix and root.code_prefix || ':'
        and x.region_code = f.region_code
        and f.period_month between month_from and month_to
    union all by name
    -- one level: the children's subtree totals and the root's own rows (child_code null)
    select u.* exclude (parent_code), nullif(u.region_code, root_code) as child_code, null::varchar as grandchild_code
    from rollup_monthly as u
    where code_depth(root_code) + 1 <= 3 and not by_grandchild
        and u.parent_code = root_code
        and u.period_month between month_from and month_to
    union all by name
    -- two levels: the grandchildren's subtree totals, the children's own rows (grandchild_code null) and the root's
    -- own rows (both null)
    select
        u.* exclude (parent_code),
        nullif(u.parent_code, root_code) as child_code,
        nullif(u.region_code, u.parent_code) as grandchild_code
    from rollup_monthly as u
    where code_depth(root_code) + 2 <= 3 and by_grandchild
        and u.parent_code in (select region_code from regions where parent_code = root_code or region_code = root_code)
        and (u.parent_code <> root_code or u.region_code = root_code)
        and u.period_month between month_from and month_to
),

kept as (
    -- with a domain: that domain's cases and agencies, and the measures that have no domain; with sources: only
    -- the rows of those fact tables (a row's *_sample flag is set exactly for its own table); with stocks_at: the
    -- stocks of that month only
    select
        columns(lambda c: not list_contains(stock_measures(), c)),
        case
            when stocks_at is null or period_month = stocks_at then columns(lambda c: list_contains(stock_measures(), c))
        end
    from facts
    where (domain is null or domain_code = domain
            or (domain_code is null and (capacity_sample is not null or survey_sample is not null)))
        and (sources is null
            or (list_contains(sources::varchar[], 'cases') and cases_sample is not null)
            or (list_contains(sources::varchar[], 'training') and training_sample is not null)
            or (list_contains(sources::varchar[], 'capacity') and capacity_sample is not null)
            or (list_contains(sources::varchar[], 'surveys') and survey_sample is not null))
)

select
    coalesce(grandchild_code, child_code, root_code) as region_code,
    period_month,
    case when by_domain then domain_code end as domain_code,
    case when by_agency then agency_code end as agency_code,
    child_code,
    grandchild_code,
    sum(columns(lambda c: list_contains(measures_of(sources), c))),
    bool_or(cases_sample) as cases_sample,
    bool_or(training_sample) as training_sample,
    bool_or(capacity_sample) as capacity_sample,
    bool_or(survey_sample) as survey_sample,
    coalesce(bool_or(cases_sample), false) or coalesce(bool_or(training_sample), false)
        or coalesce(bool_or(capacity_sample), false) or coalesce(bool_or(survey_sample), false) as is_sample
from kept
group by
    child_code, grandchild_code, period_month,
    case when by_domain then domain_code end, case when by_agency then agency_code end;

-- A region, its children and its grandchildren (depth 0, 1, 2), each with its parent: the tiles of a two-level view.
create macro subtree_two_levels(root_code) as table
select 0 as depth, region_code, region_name, null::varchar as parent_code
from regions
where region_code = root_code
union all
select 1, region_code, region_name, parent_code
from regions
where parent_code = root_code
union all
select 2, g.region_code, g.region_name, g.parent_code
from regions as c
join regions as g on g.parent_code = c.region_code
where c.parent_code = root_code;

-- Measures of root's subtree over a period, by child of the root (child_code null: the root's own agencies).
-- Flows are summed over the period; stocks (headcounts, cumulative totals) are taken at the period's last month.
-- With by_grandchild := true the rows are split one level further (grandchild_code null: the child's own agencies);
-- with by_domain / by_agency := true by domain_code / agency_code, and sources, as in subtree_monthly.
-- With year_to_date := true the period is a year so far (month_from in January of month_to's year): period_months is
-- then 12, so that a per-year indicator is the year so far, held against the year's target, not scaled up.
create macro subtree_period(
    root_code, month_from, month_to, domain, by_grandchild := false, by_domain := false, by_agency := false,
    sources := null, year_to_date := false
) as table
select
    child_code,
    case when by_grandchild then grandchild_code end as grandchild_code,
    domain_code,
    agency_code,
    case when year_to_date then 12 else date_diff('month', month_from::date, month_to::date) + 1 end as period_months,
    sum(columns(lambda c: list_contains(measures_of(sources), c))),
    bool_or(is_sample) as is_sample
from subtree_monthly(
    root_code, month_from, month_to, domain,
    by_grandchild := by_grandchild, by_domain := by_domain, by_agency := by_agency, sources := sources,
    stocks_at := month_to
)
group by child_code, case when by_grandchild then grandchild_code end, domain_code, agency_code;

-- The one place an indicator formula is applied: the statistics indicators (those in indicator_keys, when given) of
-- each row of measure_rows (a CTE's name; its rows need a unique row_no, period_months and measure columns named as
-- in measure_names(); other columns are ignored). One row per (row_no, indicator) that has any of its measures:
-- numerator = the sum of the numerator's measures present, denominator = the denominator measure, both as doubles;
-- value = scale x numerator / denominator, null when the denominator is missing or 0, where scale = multiplier x
-- (12 / period_months for a per-year indicator). Every formula is a ratio of sums, so the value of several rows
-- together is scale x sum(numerator) / sum(denominator). The formulas are data (data/reference/indicators.csv),
-- joined to the measures unpivoted, so a query binds one small plan instead of an expression per indicator and
-- measure.
create macro indicator_values_of(measure_rows, indicator_keys := null) as table
with
amounts as (
    unpivot (select * from query_table(measure_rows))
    on columns(lambda c: list_contains(measure_names(), c))
    into name measure value amount
),

terms as (
    select indicator_key, unnest(numerator_measures) as measure, true as is_numerator, multiplier, per_year
    from indicators
    where computed_from = 'statistics'
        and (indicator_keys is null or list_contains(indicator_keys::varchar[], indicator_key))
    union all
    select indicator_key, denominator_measure, false, multiplier, per_year
    from indicators
    where computed_from = 'statistics'
        and (indicator_keys is null or list_contains(indicator_keys::varchar[], indicator_key))
),

sums as (
    select
        a.row_no,
        t.indicator_key,
        any_value(t.multiplier * case when t.per_year then 12.0 / a.period_months else 1 end) as scale,
        sum(a.amount) filter (where t.is_numerator) as numerator,
        sum(a.amount) filter (where not t.is_numerator) as denominator
    from amounts as a
    join terms as t on t.measure = a.measure
    group by a.row_no, t.indicator_key
)

select row_no, indicator_key, scale * numerator / nullif(denominator, 0) as value, numerator, denominator, scale
from sums;

-- Every row of measure_rows (a CTE's name; it needs period_months and the measure columns) once per statistics
-- indicator in indicator_keys (null: all), with the row's columns, indicator_key, value, numerator and denominator
-- (indicator_values_of; null where the row has none of the indicator's measures). What a query that shows
-- indicators next to their measures calls, instead of numbering its rows and joining the values back itself.
create macro indicators_of_rows(measure_rows, indicator_keys) as table
with
numbered as materialized (
    select row_number() over () as row_no, * from query_table(measure_rows)
),

computed as (
    select * from indicator_values_of(numbered, indicator_keys := indicator_keys)
)

select n.* exclude (row_no), i.indicator_key, v.value, v.numerator, v.denominator
from numbered as n
cross join indicators as i
left join computed as v on v.row_no = n.row_no and v.indicator_key = i.indicator_key
where i.computed_from = 'statistics'
    and (indicator_keys is null or list_contains(indicator_keys::varchar[], i.indicator_key));

-- Year-to-date measures of root's subtree by child and month (child_code null: the root's own agencies): flows
-- summed from January of each month's year up to that month (months before month_from included), stocks at the
-- month (null without a row in it). A child has a row in every month from month_from to month_to once it has a row
-- earlier that year: one that reported nothing in a month keeps its year so far, as indicators_by_child at that month
-- and the stored judgement (stored_indicators) have it. period_months is 12 because the year so far is held against
-- the whole year's target, not scaled up: indicator_values_of then gives, e.g., the training hours per officer so far
-- this year. sources as in subtree_monthly.
create macro subtree_ytd(root_code, month_from, month_to, domain, sources := null) as table
with
by_month as materialized (
    -- the subtree's measures by child and month, from January of month_from's year
    select
        child_code, period_month,
        sum(columns(lambda c: list_contains(measures_of(sources), c))),
        bool_or(is_sample) as is_sample
    from subtree_monthly(root_code, date_trunc('year', month_from::date)::date, month_to, domain, sources := sources)
    group by child_code, period_month
),

months as (
    select unnest(range(month_from::date, month_to::date + interval 1 month, interval 1 month))::date as ytd_month
),

flows as (
    -- each month's flows summed from January of its year (a join of at most 12 months a child: cheaper than a window)
    select
        f.child_code, m.ytd_month as period_month,
        sum(columns(lambda c: list_contains(measure_names(), c) and not list_contains(stock_measures(), c))),
        bool_or(f.is_sample) as sample_so_far
    from months as m
    join by_month as f on f.period_month between date_trunc('year', m.ytd_month) and m.ytd_month
    group by f.child_code, m.ytd_month
)

select * exclude (is_sample, sample_so_far), sample_so_far as is_sample
from (
    -- stocks as they are in the month (s's; flows holds none); with is_sample, so that a set of sources without
    -- stocks still names a column
    select
        f.child_code, f.period_month, 12 as period_months,
        f.* exclude (child_code, period_month),
        columns(lambda c: list_contains(stock_measures(), c) or c = 'is_sample')
    from flows as f
    left join by_month as s on s.child_code is not distinct from f.child_code and s.period_month = f.period_month
);

-- Measures of root's subtree over a period split by domain_code (by_domain) or agency_code (by_agency) alone, the
-- children summed (flows summed, stocks at the period's last month); rows without the key (the measures that have
-- none) are left out. The two macros below are what queries call.
create macro subtree_period_by_key(root_code, month_from, month_to, domain, sources, year_to_date, by_domain, by_agency)
as table
select
    domain_code,
    agency_code,
    any_value(period_months) as period_months,
    sum(columns(* exclude (child_code, grandchild_code, domain_code, agency_code, period_months, is_sample))),
    bool_or(is_sample) as is_sample
from subtree_period(
    root_code, month_from, month_to, domain,
    by_domain := by_domain, by_agency := by_agency, sources := sources, year_to_date := year_to_date
)
where coalesce(domain_code, agency_code) is not null
group by all;

-- Measures of root's subtree over a period by enforcement domain: cases of the domain and training of the
-- agencies of the domain (flows summed, stocks at the period's last month). Capacity and satisfaction are not
-- domain-specific: null here, so that indicator_values_of reads the row like a row of subtree_period.
create macro subtree_period_by_domain(root_code, month_from, month_to, sources := null, year_to_date := false) as table
select * exclude (agency_code)
from subtree_period_by_key(root_code, month_from, month_to, null, sources, year_to_date, true, false);

-- Training measures of root's subtree over a period by agency (flows summed, stocks at the period's last month).
-- A non-null domain keeps the agencies of that domain. The measures that are not training are null here, so that
-- indicator_values_of reads the row like a row of subtree_period.
create macro subtree_period_by_agency(root_code, month_from, month_to, domain, sources := null, year_to_date := false)
as table
select * exclude (domain_code)
from subtree_period_by_key(root_code, month_from, month_to, domain, sources, year_to_date, false, true);

-- ---------------------------------------------------------------------------------------------------------
-- Targets: which apply to a region, which applies in a given year, and a value's status against it.

-- The yardstick plans of a page's one chosen plan (plan_id null: none chosen, the plans governing each region), as
-- region_targets, targets_by_year, governing_targets and judged_indicators take them.
create macro chosen_plans(plan_id) as
    case when plan_id is null then null::varchar[] else [plan_id::varchar] end;

-- Targets that apply to each region of for_regions: those of the plans governing it (issued at it or above it), or,
-- when yardsticks (a list of plan ids) is given, each listed plan's (e.g. a province's plan as a yardstick on the
-- national view) kept apart by yardstick_plan (null without yardsticks): several yardsticks in one call, as one call
-- per plan would give them. In every case
-- only targets set for the region's level or a level below it (the levels its figures include). Where several plans
-- set an indicator for the same year, the nearest plan's target wins; within a plan, the first clause's.
-- One row per (region, indicator, target_year); which year's target applies on a date: target_precedence.
-- A plan governs a region when its issuer is in the region's chain (the nation, then its lineage), and the nearer
-- issuer is the later one in the chain: matching codes in a list, rather than each plan's subtree range against the
-- region, lets the regions table be read by its key only (a range join read all of it, 8 ms a call).
create macro region_targets(for_regions, yardsticks) as table
with
wanted as (
    select region_code, level_no, ['000000'] || lineage as chain
    from regions
    where list_contains(for_regions::varchar[], region_code)
),

candidates as (
    select
        wanted.region_code, case when yardsticks is not null then p.plan_id end as yardstick_plan,
        t.target_id, t.plan_id, p.issuer_region_code, p.document_number, p.title as plan_title,
        p.issuer, p.issue_date, t.clause_path, t.indicator_key, t.indicator_name, t.comparator, t.target_value, t.unit,
        t.target_year, t.deadline_date, t.quote,
        list_position(wanted.chain, p.issuer_region_code) as issuer_nearness, t.seq
    from wanted
    join plans as p on yardsticks is null or list_contains(yardsticks::varchar[], p.plan_id)
    join targets as t on t.plan_id = p.plan_id
    where (yardsticks is not null or list_contains(wanted.chain, p.issuer_region_code))
        and list_has_any(t.applies_to_levels, ['nation', 'province', 'city', 'county', 'township'][wanted.level_no + 1:])
)

select
    c.region_code, c.target_id, c.plan_id, issuer.region_name as issuer_region_name,
    c.* exclude (region_code, target_id, plan_id, issuer_region_code, issuer_nearness, seq)
from candidates as c
join regions as issuer on issuer.region_code = c.issuer_region_code
qualify row_number() over (
    partition by c.region_code, c.yardstick_plan, c.indicator_key, c.target_year
    order by c.issuer_nearness desc nulls last, c.plan_id, c.seq
) = 1;

-- Order in which an indicator's targets apply in a year (sort ascending, first wins): the latest yearly target up
-- to that year (it stays in force afterwards), else a standing target (no year), else the next yearly one ahead.
create macro target_precedence(target_year, in_year) as
    case
        when target_year <= in_year then [0, -target_year]
        when target_year is null then [1, 0]
        else [2, target_year]
    end;

-- The one target of each (region, indicator) that applies in each year from year_from to year_to (region_targets,
-- then target_precedence): one row per (region, in_year, indicator) that has a target. What an indicator query joins
-- its rows to on (indicator_key, year), instead of joining all of a region's targets and ranking its own wide rows.
create macro targets_by_year(for_regions, yardsticks, year_from, year_to) as table
select y.in_year, t.*
from region_targets(for_regions, yardsticks) as t
cross join (select unnest(range(year_from::integer, year_to::integer + 1)) as in_year) as y
qualify row_number() over (
    partition by t.region_code, t.yardstick_plan, t.indicator_key, y.in_year
    order by target_precedence(t.target_year, y.in_year)
) = 1;

-- A target not met in a month: behind schedule while the year still runs (for figures of the year so far), not due
-- while the target's deadline is still ahead (for anything else).
create macro behind_or_not_met(status, period_month) as
    case when status = 'not_met' and month(period_month) < 12 then 'behind_schedule' else status end;
create macro not_due_or_not_met(status, deadline, period_month) as
    case when status = 'not_met' and deadline > last_day(period_month::date) then 'not_due' else status end;

-- Status of a value against the target that applies in its month. Figures of the year so far (year_to_date) on a
-- yearly indicator are held to the target pro-rated to the months elapsed (序时目标, a floor to keep pace with, so
-- '= 100 %' becomes '>= the pro-rated share'); other targets are judged as they stand.
create macro target_status_in_month(indicator_key, value, comparator, target_value, parent_value, deadline,
                                    period_month, year_to_date) as
    case
        when year_to_date and indicator_key in (
            'training_hours_total', 'training_hours_public_law', 'training_hours_professional',
            'exam_sampling_rate', 'township_training_coverage'
        ) then behind_or_not_met(
            target_status(
                value, case comparator when '=' then '>=' else comparator end,
                target_value * month(period_month) / 12, parent_value
            ),
            period_month
        )
        else not_due_or_not_met(target_status(value, comparator, target_value, parent_value), deadline, period_month)
    end;

-- Whether a plan issued on issue_date was not yet out on the day a month's figures are judged on: the as-of date, or
-- the month's end if earlier. A target of such a plan is shown but not due. judged_indicators and the stored
-- judgement's read (stored_indicators, judged as on a day after every issue) both ask here.
create macro issued_after_judging(issue_date, as_of, period_month) as
    coalesce(issue_date > least(as_of::date, last_day(period_month::date)), false);

-- The one target of each (region, indicator) that applies on on_date (targets_by_year for that date's year).
-- is_due is false for a target not yet in force on on_date (a later year's, a later deadline year, or a plan not yet
-- issued): shown, but not judged.
create macro governing_targets(for_regions, on_date, yardsticks) as table
select
    * exclude (in_year, issue_date, yardstick_plan),
    not (
        coalesce(target_year > year(on_date::date), false)
        or (target_year is null and coalesce(year(deadline_date) > year(on_date::date), false))
        or coalesce(issue_date > on_date::date, false)
    ) as is_due
from targets_by_year(for_regions, yardsticks, year(on_date::date), year(on_date::date));

-- ---------------------------------------------------------------------------------------------------------
-- The one place a figure is judged.

-- Every row of measure_rows (a CTE's name) once per statistics indicator in indicator_keys (null: all), valued,
-- with the target that applies and the value's status against it. measure_rows needs: target_region (the region
-- whose plans' targets apply to the row), period_month (the month its year-to-date figures end in), judge_group (the
-- rows judged together: one region's children, own agencies and total), is_total (the group's subtree row, whose
-- value is the group's parent_value), judge_by_parent (a region's row, judged against that
-- parent_value where a target is 'below the parent average'; not a domain's or an agency's), period_months and the
-- measure columns; any other column passes through. Figures are the year so far: yearly quantities are held to
-- the target pro-rated to the months elapsed (序时目标, target_status_in_month). A target is due once its year (or its
-- deadline's year) has come and its plan was issued by the day judged on (the as-of date, or the month's end if
-- earlier); one not due is shown with status not_due. yardsticks: null for the plans governing each region, or a list
-- of plan ids (a chosen plan: chosen_plans; several at once): every row once per plan, judged against that plan's
-- targets alone, the plan in yardstick_plan (null without yardsticks). Every page, chart and report gets its
-- indicator values and statuses from here.
create macro judged_indicators(measure_rows, indicator_keys, yardsticks, as_of) as table
with
valued as materialized (
    select v.*, i.name_zh, i.name_en, i.unit, i.higher_is_better
    from indicators_of_rows(measure_rows, indicator_keys) as v
    join indicators as i on i.indicator_key = v.indicator_key
),

parents as (
    -- a group-by joined back rather than a window: a window would sort every wide row (the stored judgement's
    -- millions of them)
    select judge_group, indicator_key, period_month, max(value) filter (where is_total) as parent_value
    from valued
    group by judge_group, indicator_key, period_month
),

with_parent as (
    select v.*, p.parent_value
    from valued as v
    left join parents as p
        on p.judge_group is not distinct from v.judge_group and p.indicator_key = v.indicator_key
        and p.period_month is not distinct from v.period_month
),

yardsticks as (
    select unnest(coalesce(yardsticks::varchar[], [null::varchar])) as yardstick_plan
),

targets as (
    select *
    from targets_by_year(
        (select list(distinct target_region) from valued),
        yardsticks,
        (select min(year(period_month)) from valued),
        (select max(year(period_month)) from valued)
    )
),

dated as (
    select
        w.*, y.yardstick_plan,
        t.target_id, t.plan_id, t.issuer_region_name, t.document_number, t.plan_title, t.issuer, t.clause_path,
        t.comparator, t.target_value, t.unit as target_unit, t.target_year, t.deadline_date, t.quote as target_quote,
        t.target_id is not null and not (
            coalesce(t.target_year > year(w.period_month), false)
            or (t.target_year is null and coalesce(year(t.deadline_date) > year(w.period_month), false))
            or issued_after_judging(t.issue_date, as_of, w.period_month)
        ) as is_target_due
    from with_parent as w
    cross join yardsticks as y
    left join targets as t
        on t.region_code = w.target_region and t.indicator_key = w.indicator_key and t.in_year = year(w.period_month)
        and t.yardstick_plan is not distinct from y.yardstick_plan
)

select
    * exclude (period_months, judge_by_parent),
    case
        when target_id is null then null
        when not is_target_due then 'not_due'
        else target_status_in_month(
            indicator_key, value, comparator, target_value, case when judge_by_parent then parent_value end,
            deadline_date, period_month, true
        )
    end as target_status
from dated;

-- The rows of split_rows (a CTE's name: subtrees' years to date split by one key, as subtree_period_by_domain or
-- subtree_period_by_agency give them, with judge_group, the root, and period_month, the month the year so far ends
-- in) and, for every (judge_group, period_month) of groups (a CTE's name), their sum over the whole subtree (is_total,
-- the key null; its measures null where the group has no rows), judged by judged_indicators against the root's
-- targets (or the yardsticks'). One group is what a live query judges (judged_with_total); every stored root at
-- every month is the stored judgement by agency or domain (split_rows_every_root).
create macro judged_split_rows(split_rows, groups, indicator_keys, yardsticks, as_of) as table
with
measures as (
    select
        s.* exclude (judge_group, period_month), s.judge_group as target_region, s.judge_group, false as is_total,
        false as judge_by_parent, s.period_month
    from query_table(split_rows) as s
    union all by name
    select
        g.judge_group as target_region, g.judge_group, true as is_total, false as judge_by_parent, g.period_month,
        12 as period_months,
        sum(columns(lambda c: list_contains(measure_names(), c))),
        bool_or(s.is_sample) as is_sample
    from query_table(groups) as g
    left join query_table(split_rows) as s on s.judge_group = g.judge_group and s.period_month = g.period_month
    group by g.judge_group, g.period_month
)

select * exclude (yardstick_plan) from judged_indicators(measures, indicator_keys, yardsticks, as_of);

-- The rows of split_rows (a CTE's name: a subtree's year to date at ytd_month split by one key, as
-- subtree_period_by_domain or subtree_period_by_agency give it) and their sum over the whole subtree (is_total, the
-- key null), judged by judged_indicators against root_code's targets (or the yardsticks'). What an indicators-by-domain
-- or -by-agency query calls before it adds the key's names.
create macro judged_with_total(split_rows, root_code, ytd_month, indicator_keys, yardsticks, as_of) as table
with
grouped as (
    select s.*, root_code::varchar as judge_group, ytd_month::date as period_month from query_table(split_rows) as s
),

one_group as (
    select root_code::varchar as judge_group, ytd_month::date as period_month
)

select * exclude (judge_group) from judged_split_rows(grouped, one_group, indicator_keys, yardsticks, as_of);

-- Rows by child ready for judged_indicators, for each root region and month: one row per child region (with or without
-- figures: scope 'child', judged as a child of the root), the root's own agencies (scope 'own', child_code null; only
-- where it has figures) and the whole subtree (scope 'total', is_total), with judge_group the root. Arguments are CTE
-- names: roots (region_code, region_name), months (ytd_month: every root at each) and by_child (root_code,
-- child_code, null for the root's own rows, ytd_month, the measure columns, period_months, is_sample). What
-- child_rows_ytd (one root, one month, live) and child_rows_ytd_every_root (the stored judgement's rows) assemble.
create macro scoped_child_rows(roots, months, by_child) as table
with
measures as (
    select
        'child' as scope, c.region_code, c.region_name, c.region_code as child_code, c.region_name as child_name,
        c.region_code as target_region, false as is_total, true as judge_by_parent, r.region_code as judge_group,
        mo.ytd_month, b.* exclude (ytd_month, root_code, child_code)
    from query_table(roots) as r
    join regions as c on c.parent_code = r.region_code
    cross join query_table(months) as mo
    left join query_table(by_child) as b
        on b.root_code = r.region_code and b.child_code = c.region_code and b.ytd_month = mo.ytd_month
    union all by name
    select
        'own' as scope, r.region_code, r.region_name, null::varchar as child_code, null::varchar as child_name,
        r.region_code as target_region, false as is_total, true as judge_by_parent, r.region_code as judge_group,
        b.ytd_month, b.* exclude (ytd_month, root_code, child_code)
    from query_table(roots) as r
    join query_table(by_child) as b on b.root_code = r.region_code and b.child_code is null
    union all by name
    select
        'total' as scope, r.region_code, r.region_name, null::varchar as child_code, null::varchar as child_name,
        r.region_code as target_region, true as is_total, false as judge_by_parent, r.region_code as judge_group,
        mo.ytd_month, sum(columns(b.* exclude (ytd_month, root_code, child_code, period_months, is_sample))),
        bool_or(b.is_sample) as is_sample
    from query_table(roots) as r
    cross join query_table(months) as mo
    left join query_table(by_child) as b on b.root_code = r.region_code and b.ytd_month = mo.ytd_month
    group by r.region_code, r.region_name, mo.ytd_month
)

select * exclude (period_months, ytd_month, judge_group), judge_group, ytd_month as period_month, 12 as period_months
from measures;

-- A region's year to date at ytd_month by child (scoped_child_rows of the one region at the one month). What
-- indicators_by_child and indicators_by_child_per_plan judge. domain: null = all; sources: the fact tables to sum
-- (null = all).
create macro child_rows_ytd(root_code, ytd_month, domain, sources) as table
with
by_child as materialized (
    select
        root_code::varchar as root_code, ytd_month::date as ytd_month,
        * exclude (grandchild_code, domain_code, agency_code)
    from subtree_period(
        root_code, date_trunc('year', ytd_month::date)::date, ytd_month::date, domain,
        sources := sources, year_to_date := true
    )
),

roots as (
    select region_code, region_name from regions where region_code = root_code
),

months as (
    select ytd_month::date as ytd_month
)

select * from scoped_child_rows(roots, months, by_child);

-- The regions whose judgement is stored (child_rows_stored, indicators_by_agency_stored, indicators_by_domain_stored)
-- in the subtree of code prefix root_prefix ('' = all): those rollup_monthly answers alone (code_depth at most 2: the
-- nation, the provinces, the cities and the counties hanging from a province) that have figures, and the nation
-- always, whose rows change with any province's.
create macro stored_roots(root_prefix) as table
select region_code, region_name
from regions
where code_depth(region_code) <= 2 and (region_code = '000000' or in_subtree(region_code, root_prefix))
    -- a region without figures is left to the live query (it reads nothing, so it is quick)
    and (region_code = '000000' or region_code in (
        -- the subtree's range only (rollup_monthly is sorted by parent_code): an import's refresh reads its province
        select parent_code from rollup_monthly where in_subtree(parent_code, root_prefix)
    ));

-- The months the stored judgements hold: every month from the first to the last that rollup_monthly holds.
create macro stored_months() as table
select unnest(range(min(period_month), max(period_month) + interval 1 month, interval 1 month))::date as ytd_month
from rollup_monthly;

-- child_rows_ytd of many regions at once, for every month of the data (stored_months), all domains and all fact
-- tables: the regions stored_roots names in the subtree of code prefix root_prefix ('' = all). The same rows, column
-- for column, as child_rows_ytd gives each of them month by month (both are scoped_child_rows; a test holds them
-- equal): what child_rows_stored holds.
create macro child_rows_ytd_every_root(root_prefix) as table
with
roots as (
    select * from stored_roots(root_prefix)
),

months as (
    select * from stored_months()
),

monthly as materialized (
    -- as subtree_monthly sums a root's rollup rows: by child (null: the root's own rows) and month
    select
        u.parent_code as root_code, nullif(u.region_code, u.parent_code) as child_code, u.period_month,
        sum(columns(lambda c: list_contains(measure_names(), c))),
        coalesce(bool_or(cases_sample), false) or coalesce(bool_or(training_sample), false)
            or coalesce(bool_or(capacity_sample), false) or coalesce(bool_or(survey_sample), false) as is_sample
    from rollup_monthly as u
    where u.parent_code in (select region_code from roots)
    group by u.parent_code, nullif(u.region_code, u.parent_code), u.period_month
),

by_child as materialized (
    -- as subtree_period gives the year to date: flows summed from January, stocks at the month (null without a row
    -- in that month)
    select
        m.ytd_month, f.root_code, f.child_code, 12 as period_months,
        sum(columns(lambda c: list_contains(measure_names(), c) and not list_contains(stock_measures(), c))),
        sum(case when f.period_month = m.ytd_month then columns(lambda c: list_contains(stock_measures(), c)) end),
        bool_or(f.is_sample) as is_sample
    from months as m
    join monthly as f on f.period_month between date_trunc('year', m.ytd_month) and m.ytd_month
    group by m.ytd_month, f.root_code, f.child_code
)

select * from scoped_child_rows(roots, months, by_child);

-- Derived, never edited: indicators_by_child of every region child_rows_ytd_every_root covers, at every month of the
-- data, all domains, every indicator, stored in two parts: the rows judged (child_rows_stored: the measures, one row
-- per region, month, scope and child) and their judgement (indicators_by_child_stored: one row per those and
-- indicator, without the measures, which would repeat for each indicator). Judged by judged_indicators against the
-- plans governing each row, as on a day after every plan's issue: the as-of date moves only that, and
-- stored_indicators applies it. Both sorted by region and month, so that a page's read is a
-- row group or two. Rebuilt with the rollups after every build and import (queries/stored_indicators_*.sql); a test
-- holds the read equal to the live query.
create table child_rows_stored as
select * from child_rows_ytd_every_root('')
limit 0;

-- The judgement of child_rows (a CTE's name: rows of child_rows_stored) without the rows' own columns, which the read
-- joins back on (judge_group, period_month, scope, child_code).
create macro stored_judgement(child_rows) as table
select
    judge_group, period_month, scope, child_code,
    columns(lambda c: not list_contains(measure_names(), c) and c not in (
        'judge_group', 'period_month', 'scope', 'child_code', 'region_code', 'region_name', 'child_name',
        'target_region', 'is_total', 'is_sample'
    ))
from judged_indicators(child_rows, null, null, date '9999-12-31');

create table indicators_by_child_stored as
with child_rows as (select * from child_rows_stored)
select * from stored_judgement(child_rows)
limit 0;

-- The stored judgement of one stored region (judge_group) over months: indicators_by_child's rows and columns at each
-- month, plus has_figures (false for a child with no figures in the year so far, which the monthly query leaves out).
-- The as-of date only decides whether a target's plan was out by the day judged on (the month's end, or the as-of
-- date if earlier): the judgement is stored as on a day after every issue, so a target whose plan came later is
-- turned back to not due here by the rule judged_indicators applies (issued_after_judging). What
-- indicators_by_child_stored.sql (one month) and indicators_ytd_by_month_stored.sql (a span) read.
create macro stored_indicators(region, month_from, month_to, as_of) as table
with
child_rows as (
    select *
    from child_rows_stored
    where judge_group = region and period_month between month_from::date and month_to::date
),

judged as (
    select j.*, issued_after_judging(p.issue_date, as_of, j.period_month) as issued_later
    from indicators_by_child_stored as j
    left join plans as p on p.plan_id = j.plan_id
    where j.judge_group = region and j.period_month between month_from::date and month_to::date
)

select
    r.* exclude (judge_group, judge_by_parent, period_months, is_sample),
    j.* exclude (judge_group, period_month, scope, child_code, yardstick_plan, issued_later, is_target_due, target_status),
    j.is_target_due and not j.issued_later as is_target_due,
    case when j.issued_later and j.target_id is not null then 'not_due' else j.target_status end as target_status,
    coalesce(r.is_sample, false) as is_sample,
    r.is_sample is not null as has_figures
from child_rows as r
join judged as j
    on j.period_month = r.period_month and j.scope = r.scope and j.child_code is not distinct from r.child_code;

-- The judgement by agency and by domain is stored for one set of fact tables each, the one the pages ask for: the
-- training page ranks agencies on training indicators, the cases page ranks domains on case indicators. Other
-- sources (or a chosen plan or domain) are judged live.
create macro stored_split_sources(split) as
    case split when 'agency' then ['training'] when 'domain' then ['cases'] end;

-- The statistics indicators whose formulas read only the fact tables listed in fact_tables: those a stored split
-- holds (the others would be null on its rows).
create macro indicators_within(fact_tables) as (
    select list(i.indicator_key order by i.indicator_key)
    from indicators as i
    where i.computed_from = 'statistics' and list_has_all(fact_tables::varchar[], i.sources)
);

-- subtree_period_by_domain (by_domain) or subtree_period_by_agency (by_agency) of many regions at once, the year to
-- date at every month of the data (stored_months), for the fact tables of sources: the regions stored_roots names in
-- the subtree of code prefix root_prefix ('' = all), each in judge_group, with period_month the month. The same
-- rows and sums as the live macros give each of them month by month (a test holds them equal), from rollup_monthly
-- alone, as those read it for such a region.
create macro split_rows_every_root(root_prefix, by_domain, by_agency, sources) as table
with
roots as (
    select region_code from stored_roots(root_prefix)
),

monthly as materialized (
    -- as subtree_monthly sums a root's rollup rows (its children's subtrees and its own rows) by key and month
    select
        u.parent_code as judge_group, u.period_month,
        case when by_domain then u.domain_code end as domain_code,
        case when by_agency then u.agency_code end as agency_code,
        sum(columns(lambda c: list_contains(measures_of(sources), c))),
        coalesce(bool_or(cases_sample), false) or coalesce(bool_or(training_sample), false)
            or coalesce(bool_or(capacity_sample), false) or coalesce(bool_or(survey_sample), false) as is_sample
    from rollup_monthly as u
    where u.parent_code in (select region_code from roots)
        and ((list_contains(sources::varchar[], 'cases') and u.cases_sample is not null)
            or (list_contains(sources::varchar[], 'training') and u.training_sample is not null)
            or (list_contains(sources::varchar[], 'capacity') and u.capacity_sample is not null)
            or (list_contains(sources::varchar[], 'surveys') and u.survey_sample is not null))
        and coalesce(case when by_domain then u.domain_code end, case when by_agency then u.agency_code end) is not null
    group by all
),

flows as (
    -- as subtree_period gives the year to date: flows summed from January of each month's year
    select
        m.ytd_month as period_month, f.judge_group, f.domain_code, f.agency_code, 12 as period_months,
        sum(columns(lambda c: list_contains(measures_of(sources), c) and not list_contains(stock_measures(), c))),
        bool_or(f.is_sample) as sample_so_far
    from stored_months() as m
    join monthly as f on f.period_month between date_trunc('year', m.ytd_month) and m.ytd_month
    group by m.ytd_month, f.judge_group, f.domain_code, f.agency_code
)

select * exclude (is_sample, sample_so_far), sample_so_far as is_sample
from (
    -- stocks as they are in the month (null without a row in it); with is_sample, so that sources without stocks
    -- still name a column
    select f.*, columns(lambda c: list_contains(stock_measures(), c) or c = 'is_sample')
    from flows as f
    left join monthly as s
        on s.judge_group = f.judge_group and s.period_month = f.period_month
        and s.domain_code is not distinct from f.domain_code and s.agency_code is not distinct from f.agency_code
);

-- indicators_by_agency (split 'agency') or indicators_by_domain (split 'domain') of every region stored_roots names
-- in the subtree of code prefix root_prefix ('' = all), at every month of the data: all domains, the governing
-- plans, the sources and indicators of stored_split_sources(split), judged as on a day after every plan's issue (the
-- read applies the as-of date). Columns as the live query's before the key's names, plus judge_group, the region.
create macro stored_split_judgement(root_prefix, split) as table
with
split_rows as (
    -- the other key's column left out, as subtree_period_by_agency and _by_domain leave it
    select columns(lambda c: c <> case split when 'agency' then 'domain_code' else 'agency_code' end)
    from split_rows_every_root(root_prefix, split = 'domain', split = 'agency', stored_split_sources(split))
),

judged_groups as (
    select region_code as judge_group, ytd_month as period_month from stored_roots(root_prefix), stored_months()
)

select *
from judged_split_rows(
    split_rows, judged_groups, indicators_within(stored_split_sources(split)), null, date '9999-12-31'
);

-- Derived, never edited: stored_split_judgement of every stored region, by agency and by domain, sorted by region
-- and month so that a page's read is a row group or two. Rebuilt with the rollups after every build and import
-- (queries/stored_by_split_*.sql); a test holds the reads equal to the live queries.
create table indicators_by_agency_stored as
select * from stored_split_judgement('', 'agency')
limit 0;

create table indicators_by_domain_stored as
select * from stored_split_judgement('', 'domain')
limit 0;

-- The stored judgement by one split (stored_table: indicators_by_agency_stored or indicators_by_domain_stored; split:
-- 'agency' or 'domain') of one region at one month, as the live query would judge it on as_of: a target whose plan
-- came after the day judged on is turned back to not due (issued_after_judging; the judgement is stored as on a day
-- after every issue). No rows where it does not answer: a chosen plan, other sources than stored_split_sources, an
-- indicator it does not hold (indicators_within); the caller then judges live.
create macro stored_split_read(stored_table, split, region, month, as_of, chosen_plan, asked_sources, asked_keys)
as table
with
judged as (
    select j.*, issued_after_judging(p.issue_date, as_of, j.period_month) as issued_later
    from query_table(stored_table) as j
    left join plans as p on p.plan_id = j.plan_id
    where j.judge_group = region and j.period_month = month::date
        and chosen_plan::varchar is null
        and asked_sources::varchar[] = stored_split_sources(split)
        and list_has_all(indicators_within(stored_split_sources(split)), asked_keys::varchar[])
        and list_contains(asked_keys::varchar[], j.indicator_key)
)

select
    * exclude (judge_group, issued_later) replace (
        is_target_due and not issued_later as is_target_due,
        case when issued_later and target_id is not null then 'not_due' else target_status end as target_status
    )
from judged;

-- ---------------------------------------------------------------------------------------------------------
-- The sample generator's helpers.

-- The sample generator's months (queries/generate_*.sql): each month from first_month to last_month, and progress,
-- the share of the sample's plan period (2023-01 to 2025-12) elapsed by the month, which its rates improve with.
create macro sample_progress(period_month) as least(date_diff('month', date '2023-01-01', period_month) / 35.0, 1.0);
create macro sample_months(first_month, last_month) as table
select period_month, sample_progress(period_month) as progress
from (select unnest(generate_series(first_month::date, last_month::date, interval 1 month))::date as period_month);
