package no.helsefellesskap.spread.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.tx.Worker;
import no.helsefellesskap.spread.dashboard.DashboardService.Filter;
import no.helsefellesskap.spread.data.EventsApplied;
import no.helsefellesskap.spread.data.Locks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard's figures counted from kept counts: per figure, key, partnership, sandbox flag and month
 * ({@code figure_count}, V19), which triggers on {@code figure_row} keep equal to the rows in the same transaction as
 * every change, as signed deltas that this class adds up every few seconds. A period reads its whole months from the
 * counts and the days at its edges from the rows ({@link MonthSplit}), so a count always equals the records it opens
 * to.
 */
@ApplicationScoped
public class FigureCounts {

    /** Deltas wait at most this long after the events that made them before being added into the counts. */
    static final Duration COMPACT_AFTER = Duration.ofSeconds(2);

    private static final String GROUP = "figure, k, ps, adopter, sb, m";

    /** The group each row counts in (activeOrganisations counts organisations, so its rows count per organisation). */
    private static final String ROW_KEY = "case when figure = 'activeOrganisations' then id else k end";

    private static final String ROW_ADOPTER = "case when source = 'adoption' then scope_org end";

    private static final String ROW_GROUP = "figure, " + ROW_KEY + ", ps, " + ROW_ADOPTER
            + ", sb, date_trunc('month', d::timestamp)::date";

    @Inject
    Db db;

    private Worker worker;

    private volatile long lastRound;

    void onStart(@Observes StartupEvent ev) {
        // woken after events land; the poll only catches what a crash between commit and wake left behind
        worker = Worker.startLater("figure-counts", Duration.ofMinutes(1), Duration.ofSeconds(30), this::compact);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(2));
        }
    }

    void onApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsApplied applied) {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Adds the deltas into the counts, at most once per {@link #COMPACT_AFTER}; a rebuild's recount waits for it. */
    public boolean compact() throws InterruptedException {
        long wait = lastRound + COMPACT_AFTER.toMillis() - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        lastRound = System.currentTimeMillis();
        QuarkusTransaction.requiringNew().run(() -> {
            db.lockShared(Locks.REBUILD);
            db.update("with delta as (delete from figure_count_delta returning " + GROUP + ", n)"
                    + " insert into figure_count (" + GROUP + ", n) select " + GROUP + ", sum(n) from delta"
                    + " group by " + GROUP + " order by " + GROUP
                    + " on conflict (figure, coalesce(k, ''), coalesce(ps, ''), coalesce(adopter, ''), sb,"
                    + " coalesce(m, '-infinity'::date)) do update set n = figure_count.n + excluded.n");
        });
        return false;
    }

    /** Every count again from the rows (a rebuild, or a new definition of the rows; under the rebuild lock). */
    static void recount(Db db) {
        db.update("delete from figure_count_delta");
        db.update("delete from figure_count");
        db.update("insert into figure_count (" + GROUP + ", n) select " + ROW_GROUP + ", count(*) from figure_row"
                + " group by 1, 2, 3, 4, 5, 6");
        // the planner's estimates for the new counts (without them it sorted 40,000 groups on disk at 100,000 pilots)
        db.update("analyze figure_count");
    }

    /**
     * A figure's counted rows in a filter's scope, as {@code c.k, c.ps, c.adopter, c.n} (one line per group, {@code n}
     * rows): kept counts for whole months, the rows themselves for the days at the period's edges, then the filter's
     * partnership (a pilot's or evaluation's own; for an adoption, any its adopter is a member of) and sandbox choice.
     * {@code before}: only rows dated before this day (null: no such limit).
     */
    record Counted(String sql, Object[] params) {
    }

    Counted counted(String figure, Filter f, LocalDate before, boolean byPartnership) {
        LocalDate to = before == null ? f.to() : f.to() == null || !f.to().isBefore(before) ? before.minusDays(1) : f.to();
        MonthSplit split = MonthSplit.of(f.from(), to);
        String months = " where figure = ? and ((cast(? as boolean) and m is null) or (cast(? as boolean)"
                + " and m >= coalesce(cast(? as date), '-infinity') and m <= coalesce(cast(? as date), 'infinity')))";
        String sql = "select c.k, c.ps, c.adopter, c.n from ("
                + "select k, ps, adopter, sb, n from figure_count" + months
                + " union all select k, ps, adopter, sb, n from figure_count_delta" + months
                + " union all select " + ROW_KEY + ", ps, " + ROW_ADOPTER + ", sb, 1 from figure_row r where figure = ? and ((d >= cast(? as date) and d <= cast(? as date))"
                + " or (d >= cast(? as date) and d <= cast(? as date)))) c(k, ps, adopter, sb, n)"
                + " where (cast(? as boolean) or not c.sb)" + (byPartnership ? "" : PARTNERSHIP);
        List<Object> p = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            p.addAll(Arrays.asList(figure, split.undated(), split.months(), split.firstMonth(), split.lastMonth()));
        }
        p.add(figure);
        p.addAll(Arrays.asList(split.edges()));
        p.add(f.includeSandbox());
        if (!byPartnership) {
            p.addAll(Arrays.asList(f.partnership(), f.partnership(), f.partnership()));
        }
        return new Counted(sql, p.toArray());
    }

    /**
     * Every partnership's member organisations by number ({@code code}, {@code orgnr}), once each: one pass over the
     * members (testing each organisation against each partnership's members with {@code @>} took 33 ms).
     */
    static final String MEMBERS = """
            select distinct m.code, o.orgnr::text orgnr from partnership m
            cross join jsonb_array_elements(case when jsonb_typeof(m.members) = 'array' then m.members else '[]' end) e
            join organisation o on o.code = e->>'organisation'""";

    private static final String PARTNERSHIP = """
             and (cast(? as varchar) is null or (c.adopter is null and c.ps = cast(? as varchar))
               or (c.adopter is not null and c.adopter in (select mo.orgnr from (%s) mo
                 where mo.code = cast(? as varchar))))""".formatted(MEMBERS);
}
