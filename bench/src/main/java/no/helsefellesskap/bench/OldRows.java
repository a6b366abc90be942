package no.helsefellesskap.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The write path with a million rows in the tables it writes to (pilot-projects' outbox, spread's inbox), as months of
 * traffic leave them: rows the retention keeps (inbox rows from the last 30 days, outbox rows sent within the hour),
 * then a million sent outbox rows older than an hour, which the retention removes while the writes go on.
 */
final class OldRows {

    private static final String MARK = "bench-old-rows";

    static Section run(BenchContext ctx) throws Exception {
        int rows = ctx.smoke ? 10_000 : 1_000_000;
        double seconds = ctx.smoke ? 0.5 : 15;
        Section s = new Section("old-rows", "The write path with " + String.format("%,d", rows)
                + " old rows in its tables");
        if (!ctx.smoke) {
            WritePath.restRun(ctx, 8, 5, "warm-up");
        }
        List<List<String>> table = new ArrayList<>();
        double[] clean = measure(ctx, s, "without them", seconds, table);
        try {
            long t0 = System.nanoTime();
            execute(ctx, """
                    insert into spread.inbox_event (consumer, event_id, event_type, processed_at)
                    select 'spread.pilots', '%s-' || i, 'no.helsefellesskap.pilot.registered',
                      now() - (i %% 29 + 1) * interval '1 day' from generate_series(1, %d) i""".formatted(MARK, rows));
            execute(ctx, """
                    insert into pilot_projects.outbox_event (id, aggregatetype, aggregateid, type, timestamp, payload,
                      topic, source, sent_at)
                    select gen_random_uuid(), '%s', i::text, 'no.helsefellesskap.pilot.registered',
                      now() - interval '30 minutes', '{}'::jsonb, 'pilots', '/bench', now() - interval '30 minutes'
                    from generate_series(1, %d) i""".formatted(MARK, rows));
            execute(ctx, "analyze spread.inbox_event");
            execute(ctx, "analyze pilot_projects.outbox_event");
            s.line(String.format("Inserted %,d inbox rows into spread (processed within the last 29 days) and %,d sent "
                    + "outbox rows into pilot-projects (sent 30 minutes ago), which the retention keeps, in %.1f s.",
                    rows, rows, (System.nanoTime() - t0) / 1e9));
            double[] kept = measure(ctx, s, String.format("with %,d kept rows in each", rows), seconds, table);
            table.add(List.of("with them / without", String.format("%.0f %%", 100 * kept[0] / clean[0]),
                    String.format("%.0f %%", 100 * kept[1] / clean[1])));

            // sent more than an hour ago: the retention removes them in batches while the writes go on
            execute(ctx, "update pilot_projects.outbox_event set sent_at = now() - interval '2 hours' where aggregatetype = '"
                    + MARK + "'");
            long t1 = System.nanoTime();
            double[] removing = measure(ctx, s, "while the retention removes the outbox rows", seconds, table);
            boolean gone = BenchContext.await(Duration.ofMinutes(ctx.smoke ? 2 : 20),
                    () -> count(ctx, "select count(*) from pilot_projects.outbox_event where aggregatetype = '" + MARK + "'") == 0);
            double cleared = (System.nanoTime() - t1) / 1e9;
            s.require(gone, "the retention did not remove the old outbox rows");
            table.add(List.of("while removed / without", String.format("%.0f %%", 100 * removing[0] / clean[0]),
                    String.format("%.0f %%", 100 * removing[1] / clean[1])));
            s.line(String.format("The retention removed the %,d outbox rows once they were older than an hour in %.1f s "
                    + "(from the moment they became old, with the write runs above going on meanwhile; the bench's "
                    + "suite runs the retention every 10 s instead of every 5 minutes, so this is its work, not its "
                    + "wait for the next round).", rows, cleared));
        } finally {
            execute(ctx, "delete from spread.inbox_event where event_id like '" + MARK + "-%'");
            execute(ctx, "delete from pilot_projects.outbox_event where aggregatetype = '" + MARK + "'");
        }
        s.table(List.of("", "write, 1 client (req/s)", "write, 8 clients (req/s)"), table);
        s.line("Write path: `POST /api/pilots` for " + Stats.f(seconds) + " s per run, " + ctx.repeats
                + " runs per figure, medians; the synthetic rows are deleted at the end.");
        return s;
    }

    private static double[] measure(BenchContext ctx, Section s, String label, double seconds, List<List<String>> table)
            throws Exception {
        ctx.settle();
        double[] m = WritePath.medianRates(ctx, s, label, seconds);
        table.add(List.of(label, Stats.f(m[0]), Stats.f(m[1])));
        System.out.printf("[bench] old-rows %s: %.1f and %.1f req/s%n", label, m[0], m[1]);
        return m;
    }

    private static void execute(BenchContext ctx, String sql) {
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long count(BenchContext ctx, String sql) {
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
