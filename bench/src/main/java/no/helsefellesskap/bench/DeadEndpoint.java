package no.helsefellesskap.bench;

import no.helsefellesskap.model.events.EventTypes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscriber's dead endpoint must cost the others nothing: the write path and the fan-out measured without and
 * then with a long backlog of pending deliveries for a subscription whose receiver refuses every connection, in one
 * run against the same suite.
 */
final class DeadEndpoint {

    static Section run(BenchContext ctx) throws Exception {
        int backlog = ctx.smoke ? 1_000 : 100_000;
        int subscribers = ctx.smoke ? 10 : 1_000;
        double seconds = ctx.smoke ? 0.5 : 15;
        Section s = new Section("dead-endpoint", "A dead endpoint's backlog: write path and fan-out beside "
                + String.format("%,d", backlog) + " pending deliveries");
        if (!ctx.smoke) {
            WritePath.restRun(ctx, 8, 5, "warm-up");
        }
        List<List<String>> rows = new ArrayList<>();
        double[] clean = measure(ctx, s, "without the backlog", seconds, subscribers, rows);
        String dead = deadSubscription(ctx);
        try {
            int added = fillBacklog(ctx, dead, backlog);
            s.require(added == backlog, "backlog: " + added + " of " + backlog + " deliveries added");
            double[] loaded = measure(ctx, s, String.format("with %,d pending for one dead endpoint", backlog), seconds,
                    subscribers, rows);
            long pending = pending(ctx, dead);
            rows.add(List.of("with the backlog / without", String.format("%.0f %%", 100 * loaded[0] / clean[0]),
                    String.format("%.0f %%", 100 * loaded[1] / clean[1]),
                    String.format("%.0f %%", 100 * loaded[2] / clean[2])));
            s.line("The dead subscription (Lørenskog's, every event of partnership HFS-AHUS, so every pilot the bench "
                    + "registers adds to it) has its webhook at `http://127.0.0.1:9/`, where nothing listens. Its backlog "
                    + "is written straight into spread's tables, as a receiver down for twelve hours leaves it: "
                    + String.format("%,d", backlog) + " feed items, each about its own pilot, so each delivery heads its "
                    + "own queue, ten failed attempts each, next attempts spread over the next hour (the longest "
                    + "back-off), the subscription still active (it is paused after 24 h). The dispatcher keeps "
                    + "retrying those that fall due during the run, as it would. " + String.format("%,d", pending)
                    + " were pending at the end. Write path: `POST /api/pilots` for " + Stats.f(seconds) + " s per run; "
                    + "fan-out: one event to " + subscribers + " subscriptions, all delivered; " + ctx.repeats
                    + " runs per figure, medians.");
        } finally {
            ctx.unsubscribe(dead);
            removeSyntheticItems(ctx);
        }
        s.table(List.of("", "write, 1 client (req/s)", "write, 8 clients (req/s)", "fan-out to " + subscribers
                + ", all delivered (ms)"), rows);
        s.line("For the fan-out the ratio is of times, so above 100 % is slower.");
        return s;
    }

    /** @return requests per second at 1 and 8 clients and the fan-out's all-delivered time */
    private static double[] measure(BenchContext ctx, Section s, String label, double seconds, int subscribers,
                                    List<List<String>> rows) throws Exception {
        // the fan-out first, on a quiet suite: measured right after the write runs it took up to five times as long
        // (the database still busy with what they wrote), whichever phase it was in
        ctx.settle();
        FanOut.Result f = FanOut.measure(ctx, s, subscribers, "dead-" + ctx.runId + "-" + rows.size() + "-");
        double[] rates = WritePath.medianRates(ctx, s, label, seconds);
        double[] m = {rates[0], rates[1], f.allMs()};
        rows.add(List.of(label, Stats.f(m[0]), Stats.f(m[1]), Stats.f(m[2])));
        return m;
    }

    private static String deadSubscription(BenchContext ctx) {
        String body = "{\"name\":\"bench dead endpoint " + ctx.runId + "\",\"filters\":{\"partnerships\":[\"HFS-AHUS\"]},"
                + "\"webhookUrl\":\"http://127.0.0.1:9/\"}";
        Http.Reply r = ctx.http.send("POST", ctx.url("spread", "/api/subscriptions"), ctx.lorenskog(), body);
        if (r.status() != 201) {
            throw new IllegalStateException("subscription refused: " + r.status() + " " + r.body());
        }
        return ctx.tree(r.body()).path("id").asText();
    }

    /** Feed items modelled on the newest real one, and one pending delivery of each to the dead subscription. */
    private static int fillBacklog(BenchContext ctx, String subscription, int n) throws Exception {
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement("""
                with model as (select attributes, body from spread.feed_item order by seq desc limit 1),
                items as (
                  insert into spread.feed_item (event_id, type, subject, ordering_key, occurred_at, attributes, body)
                  select 'bench-dead-' || g, ?, 'bench', 'pilot/' || gen_random_uuid(), now(), m.attributes, m.body
                  from generate_series(1, ?) g, model m
                  returning seq, ordering_key)
                insert into spread.delivery (subscription_id, item_seq, webhook_id, ordering_key, state, attempts,
                  next_attempt_at, first_failure_at, last_error, ready)
                select ?::uuid, seq, 'msg_benchdead' || seq, ordering_key, 'PENDING', 10,
                  now() + random() * interval '1 hour', now() - interval '12 hours', 'ConnectException', true
                from items""")) {
            ps.setString(1, EventTypes.PILOT_REGISTERED.type());
            ps.setInt(2, n);
            ps.setString(3, subscription);
            int added = ps.executeUpdate();
            try (PreparedStatement a = c.prepareStatement("analyze spread.delivery")) {
                a.execute();
            }
            return added;
        }
    }

    private static long pending(BenchContext ctx, String subscription) throws Exception {
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from spread.delivery where subscription_id = ?::uuid and state = 'PENDING'")) {
            ps.setString(1, subscription);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void removeSyntheticItems(BenchContext ctx) throws Exception {
        try (Connection c = ctx.jdbc(); PreparedStatement ps = c.prepareStatement(
                "delete from spread.feed_item f where event_id like 'bench-dead-%' "
                        + "and not exists (select 1 from spread.delivery d where d.item_seq = f.seq)")) {
            ps.executeUpdate();
        }
    }
}
