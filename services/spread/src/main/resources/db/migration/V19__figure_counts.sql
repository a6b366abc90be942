-- The dashboard's counts, kept beside its rows so that an answer never seen before adds up a few thousand counts
-- instead of counting 600,000 rows. Counts are a pure function of figure_row: every statement that inserts, deletes
-- or updates rows appends what it changed per group to figure_count_delta (a signed delta, never an update of a
-- shared row, so two consumers' transactions never wait on each other or deadlock here), and the compaction
-- (FigureCounts) moves the deltas into figure_count every few seconds. Readers add both up. A period filter reads
-- whole months here and the days at its edges from figure_row itself.

-- Whether the row's organisation (scope_org) is a test or probe (sandbox) organisation; kept right by the trigger on
-- organisation below, so the filter and the counts never look the register up when read.
alter table figure_row add column sb boolean not null default false;

-- The days at a period's edges are read from the rows (an index range per figure's partition).
create index figure_row_day on figure_row (figure, d);

create table figure_count (
    figure  varchar(60) not null,
    k       text,             -- the rows' key; for activeOrganisations the organisation (that figure counts them)
    ps      text,             -- the pilot's partnership (pilot and evaluation rows)
    adopter text,             -- adoption rows: the adopter, whose partnerships are read from the register when read
    sb      boolean not null,
    m       date,             -- the first day of the rows' month; null for rows without a date
    n       bigint  not null  -- rows in the group
);

-- one row per group (the compaction adds into it)
create unique index figure_count_group on figure_count
    (figure, coalesce(k, ''), coalesce(ps, ''), coalesce(adopter, ''), sb, coalesce(m, '-infinity'::date));

create table figure_count_delta (like figure_count);

create index figure_count_delta_figure on figure_count_delta (figure);

create function figure_count_keep() returns trigger language plpgsql as $$
begin
    -- a rebuild, or a new definition of the rows, recomputes every row and then every count at once
    if current_setting('spread.figure_rows_deferred', true) = 'on' then
        return null;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        insert into figure_count_delta (figure, k, ps, adopter, sb, m, n)
        select figure, case when figure = 'activeOrganisations' then id else k end, ps,
          case when source = 'adoption' then scope_org end, sb, date_trunc('month', d::timestamp)::date, -count(*)
        from old_rows group by 1, 2, 3, 4, 5, 6;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into figure_count_delta (figure, k, ps, adopter, sb, m, n)
        select figure, case when figure = 'activeOrganisations' then id else k end, ps,
          case when source = 'adoption' then scope_org end, sb, date_trunc('month', d::timestamp)::date, count(*)
        from new_rows group by 1, 2, 3, 4, 5, 6;
    end if;
    return null;
end $$;

create trigger figure_row_inserted after insert on figure_row referencing new table as new_rows
    for each statement execute function figure_count_keep();
create trigger figure_row_deleted after delete on figure_row referencing old table as old_rows
    for each statement execute function figure_count_keep();
create trigger figure_row_updated after update on figure_row referencing old table as old_rows new table as new_rows
    for each statement execute function figure_count_keep();

-- An organisation that becomes (or stops being) a sandbox, or a sandbox that changes its number: its rows' flag
-- follows, and with it their counts (rare: reference data).
create function figure_row_sandbox() returns trigger language plpgsql as $$
declare
    orgnrs text[];
begin
    if current_setting('spread.figure_rows_deferred', true) = 'on' then
        return null;
    end if;
    if tg_op = 'INSERT' then
        orgnrs := array[new.orgnr::text];
    elsif tg_op = 'DELETE' then
        orgnrs := array[old.orgnr::text];
    else
        orgnrs := array[old.orgnr::text, new.orgnr::text];
    end if;
    update figure_row r set sb = not r.sb
    where r.scope_org = any(orgnrs)
      and r.sb <> exists (select 1 from organisation o where o.sandbox and o.orgnr::text = r.scope_org);
    return null;
end $$;

create trigger organisation_sandbox_added after insert on organisation
    for each row when (new.sandbox) execute function figure_row_sandbox();
create trigger organisation_sandbox_changed after update on organisation
    for each row when (old.sandbox <> new.sandbox
        or ((old.sandbox or new.sandbox) and old.orgnr is distinct from new.orgnr))
    execute function figure_row_sandbox();
create trigger organisation_sandbox_removed after delete on organisation
    for each row when (old.sandbox) execute function figure_row_sandbox();

-- The dashboard's first page of published results, newest first, read in index order.
create index evaluation_published on evaluation (published_at desc, evaluation_id) where published_at is not null;
