package no.helsefellesskap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pilot registration through REST (token check, validation, entity row and outbox row in one transaction) at 1 and
 * 8 clients, beside pgbench running the same transaction shape (the same two tables, copied with LIKE ... INCLUDING
 * ALL, one row each per transaction) against the same PostgreSQL in the same run.
 */
final class WritePath {

    record Run(double perSecond, double p50, double p99, int errors) {
    }

    /** A run shorter than a second (the smoke's) is this many pgbench transactions per client instead. */
    static final int SHORT_RUN_TRANSACTIONS = 20;
    /** pgbench's own rate: "tps = ... (without initial connection time)". */
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    static Section run(BenchContext ctx) throws Exception {
        Section s = new Section("write", "Write path: pilot registration through REST vs pgbench, same transaction shape");
        double seconds = ctx.smoke ? 0.5 : 15;
        if (!ctx.smoke) {
            restRun(ctx, 8, 5, "warm-up"); // JIT and connection pools
        }
        String template = ctx.tree(ctx.registerPilot("bench write template " + ctx.runId).body()).path("id").asText();
        Path script = preparePgbench(ctx, template);
        boolean pgbench = pgbenchBinary() != null;
        s.line("Each run lasts " + Stats.f(seconds) + " s"
                + (seconds < 1 ? " (pgbench: " + SHORT_RUN_TRANSACTIONS + " transactions per client)" : "")
                + "; " + ctx.repeats + " runs per row, interleaved REST and pgbench; "
                + "figures are the medians of the runs. Latency in ms. REST = `POST /api/pilots` (pilot-projects): "
                + "bearer-token check, validation, one `pilot` row and one `outbox_event` row in one transaction. "
                + "pgbench runs `bench/target/pgbench-pilot.sql`: the same two tables (copied with "
                + "`CREATE TABLE ... (LIKE pilot_projects.<table> INCLUDING ALL)`, so the same indexes and constraints), "
                + "one row each per transaction, values from a pilot just registered through REST; its rate is "
                + "pgbench's own (tps without the initial connection time), its latencies from its per-transaction log.");
        s.line("PostgreSQL ran with " + durability(ctx) + " for both (`./run-suite` is durable by default; "
                + "`SUITE_POSTGRES_DURABLE=false bench/run write` measures both without fsync).");
        List<List<String>> rows = new ArrayList<>();
        for (int clients : List.of(1, 8)) {
            List<Run> rest = new ArrayList<>();
            List<Run> raw = new ArrayList<>();
            for (int r = 0; r < ctx.repeats; r++) {
                rest.add(restRun(ctx, clients, seconds, "run " + r));
                if (pgbench) {
                    raw.add(pgbenchRun(ctx, script, clients, seconds));
                }
            }
            Run a = medians(rest);
            Run b = pgbench ? medians(raw) : new Run(Double.NaN, Double.NaN, Double.NaN, 0);
            rows.add(List.of(String.valueOf(clients), Stats.f(a.perSecond()), Stats.f(a.p50()), Stats.f(a.p99()),
                    Stats.f(b.perSecond()), Stats.f(b.p50()), Stats.f(b.p99()),
                    pgbench ? String.format("%.1f %%", 100 * a.perSecond() / b.perSecond()) : "n/a"));
            s.require(rest.stream().allMatch(x -> x.errors() == 0), "REST errors at " + clients + " clients");
        }
        s.table(List.of("clients", "REST req/s", "REST p50", "REST p99", "pgbench tx/s", "pgbench p50", "pgbench p99",
                "REST / pgbench"), rows);
        s.require(pgbench, "pgbench not found (install postgresql-client)");
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists bench_pgbench cascade");
        }
        return s;
    }

    /** The server's own durability settings, as it reports them. */
    static String durability(BenchContext ctx) throws Exception {
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            return "`fsync=" + rs.getString(1) + "`, `synchronous_commit=" + rs.getString(2) + "`";
        }
    }

    /** Median requests per second at 1 and at 8 clients over the context's repeats, each run free of errors. */
    static double[] medianRates(BenchContext ctx, Section s, String label, double seconds) throws InterruptedException {
        List<Double> one = new ArrayList<>();
        List<Double> eight = new ArrayList<>();
        for (int r = 0; r < ctx.repeats; r++) {
            Run a = restRun(ctx, 1, seconds, label + " run " + r);
            Run b = restRun(ctx, 8, seconds, label + " run " + r);
            s.require(a.errors() == 0 && b.errors() == 0, label + ": REST errors");
            one.add(a.perSecond());
            eight.add(b.perSecond());
        }
        return new double[] {Stats.median(one), Stats.median(eight)};
    }

    static Run restRun(BenchContext ctx, int clients, double seconds, String label) throws InterruptedException {
        List<List<Double>> lat = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Double> mine = new ArrayList<>();
            lat.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    Http.Reply r = ctx.registerPilot("Bench write " + ctx.runId + " " + label + " c" + client + " #" + i++);
                    if (r.status() == 201) {
                        mine.add(r.millis());
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Double> all = new ArrayList<>();
        lat.forEach(all::addAll);
        return new Run(all.size() / seconds, Stats.percentile(all, 50), Stats.percentile(all, 99), errors.get());
    }

    /** Copies the two tables and writes a pgbench script inserting one row into each, values from the template. */
    static Path preparePgbench(BenchContext ctx, String pilotId) throws Exception {
        String pilotInsert;
        String outboxInsert;
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists bench_pgbench cascade");
            st.execute("create schema bench_pgbench");
            st.execute("create table bench_pgbench.pilot (like pilot_projects.pilot including all)");
            st.execute("create table bench_pgbench.outbox_event (like pilot_projects.outbox_event including all)");
            pilotInsert = insertOf(c, "pilot", "select to_jsonb(t) from pilot_projects.pilot t where id = ?::uuid", pilotId);
            outboxInsert = insertOf(c, "outbox_event",
                    "select to_jsonb(t) from pilot_projects.outbox_event t where aggregateid = ? order by timestamp limit 1", pilotId);
        }
        Path script = ctx.root.resolve("bench/target/pgbench-pilot.sql");
        Files.writeString(script, "BEGIN;\n" + pilotInsert + ";\n" + outboxInsert + ";\nEND;\n");
        return script;
    }

    /** {@code insert into bench_pgbench.<table> (cols) values (...)} with a fresh id and the row's other values. */
    private static String insertOf(Connection c, String table, String rowQuery, String key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                select string_agg(quote_ident(e.key), ', ' order by e.key),
                       string_agg(case when e.key = 'id' then 'gen_random_uuid()' else quote_nullable(e.value #>> '{}') end,
                                  ', ' order by e.key)
                from jsonb_each((%s)) e""".formatted(rowQuery.replace("?", "'" + key.replace("'", "''") + "'")))) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getString(1) == null) {
                    throw new IllegalStateException("no template row in " + table + " for " + key);
                }
                return "INSERT INTO bench_pgbench." + table + " (" + rs.getString(1) + ") VALUES (" + rs.getString(2) + ")";
            }
        }
    }

    static String pgbenchBinary() {
        for (String p : List.of("/usr/bin/pgbench", "/usr/local/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    /** pgbench for whole seconds (-T), or under a second for {@link #SHORT_RUN_TRANSACTIONS} per client (-t). */
    static Run pgbenchRun(BenchContext ctx, Path script, int clients, double seconds) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(ctx.root.resolve("bench/target"), "pgbench-log");
        Process p = new ProcessBuilder(pgbenchBinary(), "-n", "-h", "127.0.0.1", "-p", String.valueOf(ctx.postgresPort()),
                "-U", "postgres", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                seconds < 1 ? "-t" : "-T", String.valueOf(seconds < 1 ? SHORT_RUN_TRANSACTIONS : (int) seconds),
                "-f", script.toString(), "-l", "--log-prefix=" + logs.resolve("tx"),
                "oppgavedeling").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + out);
        }
        // per-transaction log: client_id transaction_no time(us) script_no time_epoch time_us
        List<Double> lat = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] parts = line.split(" ");
                    if (parts.length > 2) {
                        lat.add(Long.parseLong(parts[2]) / 1000.0);
                    }
                }
            }
        }
        deleteQuietly(logs);
        Matcher tps = TPS.matcher(out); // else transactions over the duration
        double perSecond = tps.find() ? Double.parseDouble(tps.group(1)) : lat.size() / seconds;
        return new Run(perSecond, Stats.percentile(lat, 50), Stats.percentile(lat, 99),
                out.contains("failed: 0") || !out.contains("failed:") ? 0 : 1);
    }

    private static void deleteQuietly(Path dir) {
        try {
            no.helsefellesskap.local.Suite.deleteTree(dir);
        } catch (IOException ignored) {
            // a temporary folder under target
        }
    }

    static Run medians(List<Run> runs) {
        return new Run(Stats.median(runs.stream().map(Run::perSecond).toList()),
                Stats.median(runs.stream().map(Run::p50).toList()), Stats.median(runs.stream().map(Run::p99).toList()),
                runs.stream().mapToInt(Run::errors).sum());
    }
}
