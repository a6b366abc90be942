-- A figure row's sandbox flag is computed when the row is inserted, from the register as that statement sees it. An
-- organisation that became a sandbox in a transaction committing at the same time was invisible to that insert, and
-- the trigger's update could not see the uncommitted rows: both committed, and the rows kept the old flag (found by
-- DashboardTest in CI). Now the trigger takes this lock exclusively before it looks, and every transaction that
-- inserts figure rows takes it shared first (FigureKeeper; Locks.SANDBOX_FLAGS), so one always sees the other's commit.
create or replace function figure_row_sandbox() returns trigger language plpgsql as $$
declare
    orgnrs text[];
begin
    if current_setting('spread.figure_rows_deferred', true) = 'on' then
        return null;
    end if;
    perform pg_advisory_xact_lock(6003388760686088961);
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
