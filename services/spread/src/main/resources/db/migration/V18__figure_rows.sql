-- The dashboard's figures, kept as their rows: one per figure, bucket key and record (a pilot, an evaluation, an
-- adoption, an organisation), written by the projector in the same transaction as the read-model change they come
-- from. A figure's counts and the records it opens to are both read from here, filtered by partnership, period and
-- sandbox when asked, so an answer never seen before reads one figure's rows instead of joining and unnesting the
-- read models (1.2-1.6 s at 100,000 pilots before). Partitioned by figure: each figure's scan reads its own rows.
create table figure_row (
    figure    varchar(60) not null,
    source    varchar(12) not null,  -- pilot, evaluation or adoption: the read model the row is computed from
    anchor    uuid        not null,  -- the pilot (pilot and evaluation rows) or adoption it is recomputed for
    k         text,                  -- the bucket key (organisation rows: resolved from the register when read)
    kind      varchar(12) not null,  -- what the record is: pilot, evaluation, adoption, organisation
    id        text        not null,
    title     text,
    org       text,                  -- the record's organisation
    scope_org text,                  -- whose sandbox status (and for adoptions, partnership) decides the filter
    d         date,                  -- the figure's date for the record, which the period filters
    dp        varchar(5),            -- how exactly d is known (DAY, MONTH, YEAR)
    ps        text,                  -- the pilot's partnership (pilot and evaluation rows)
    v         float8,                -- a measure where the figure has one (months to evaluation; freed time gross)
    v2        float8,                -- freed time: extra
    v3        float8                 -- freed time: net
) partition by list (figure);

create table figure_row_pilots_by_status partition of figure_row for values in ('pilotsByStatus');
create table figure_row_evaluated_share partition of figure_row for values in ('evaluatedShare');
create table figure_row_median partition of figure_row
    for values in ('medianMonthsToEvaluation', 'medianMonthsToEvaluation.unknownDates');
create table figure_row_overdue partition of figure_row for values in ('overdueEvaluations');
create table figure_row_priority_groups partition of figure_row for values in ('partnershipPriorityGroups');
create table figure_row_personnel_groups partition of figure_row for values in ('personnelGroups');
create table figure_row_sharing_directions partition of figure_row for values in ('sharingDirections');
create table figure_row_abandonment partition of figure_row for values in ('abandonmentReasons');
create table figure_row_active_organisations partition of figure_row for values in ('activeOrganisations');
create table figure_row_evaluations partition of figure_row
    for values in ('outcomeDimensions', 'publishedOutcomes', 'freedTime', 'freedTime.values');
create table figure_row_adoptions partition of figure_row for values in ('spreadCurves', 'provenAdoptions');
create table figure_row_other partition of figure_row default;

create index figure_row_anchor on figure_row (anchor);

-- Which definition of the rows is stored: a service whose definitions differ recomputes them all at start.
alter table read_model_state add column figure_rows_version int not null default 0;
