package no.helsefellesskap.bench;

import no.helsefellesskap.local.ServiceSpec;
import no.helsefellesskap.local.Suite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Idle CPU of the running suite, each service's start time and idle memory, and the suite's time to all ready. */
final class Footprint {

    /** Before the bench suite starts: the run command (the launcher {@code ./run-suite} executes) to all ready. */
    static Section runCommand(Path root, int portOffset, int repeats, boolean smoke) throws Exception {
        Section s = new Section("suite-start", "Start: the run command until every service is ready");
        List<Double> seconds = new ArrayList<>();
        // one data folder: --clean empties PostgreSQL and Kafka each time, and the services' AOT caches (JDK 25 or
        // newer) recorded by the first run are used by the later ones, as with ./run-suite after a build
        int runs = smoke ? 1 : repeats + 1;
        Path data = root.resolve("bench/target/start");
        Suite.deleteTree(data);
        for (int r = 0; r < runs; r++) {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    root.resolve("deploy/local-suite/target/local-suite.jar").toString(), "--no-demo-data", "--clean",
                    "--port-offset", String.valueOf(portOffset), "--data-dir", data.toString());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
            boolean ready = false;
            java.util.Deque<String> last = new java.util.ArrayDeque<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.contains("all services ready")) {
                        ready = true;
                        break;
                    }
                    last.addLast(line);
                    if (last.size() > 5) {
                        last.removeFirst();
                    }
                }
                seconds.add((System.nanoTime() - t0) / 1e9);
                List<ProcessHandle> family = p.descendants().toList();
                p.destroy(); // SIGTERM: the launcher stops everything it started
                // the next run starts only when every process of this one is gone: the first run's JVMs write their
                // AOT caches as they stop, on the same two cores, and once took over 90 s, so the next launcher
                // found this one still running and refused to start
                p.waitFor(5, TimeUnit.MINUTES);
                BenchContext.await(java.time.Duration.ofMinutes(5), () -> family.stream().noneMatch(ProcessHandle::isAlive));
            }
            s.require(ready, "run " + r + ": the suite did not report ready: " + String.join(" | ", last));
            System.out.printf("[bench] run command to all ready: %.1f s%n", seconds.get(r));
        }
        s.line("`java -jar deploy/local-suite/target/local-suite.jar --no-demo-data --clean` (what `./run-suite` runs "
                + "once built) from launch until it prints that all services are ready: empty PostgreSQL and Kafka "
                + "data, the five services started together, Flyway migrations and reference data included. "
                + "The first run after a build " + Stats.f(seconds.get(0)) + " s (on JDK 25 or newer it also records "
                + "each service's AOT cache, written when it stops)"
                + (runs > 1 ? "; the " + (runs - 1) + " runs after it median " + Stats.f(Stats.median(seconds.subList(1, runs)))
                + " s" : "") + " (runs: " + seconds.stream().map(Stats::f).toList() + "). Demo data loading comes "
                + "after this and is not included.");
        return s;
    }

    static Section idle(BenchContext ctx) throws Exception {
        Section s = new Section("idle", "Idle cost: CPU of the whole suite over 60 idle seconds");
        int seconds = ctx.smoke ? 1 : 60;
        KafkaNode.sleep(ctx.smoke ? 200 : 10_000); // after the harness's settle: consumers caught up, then quiet
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int r = 0; r < ctx.repeats; r++) {
            Map<String, List<ProcessHandle>> groups = groups(ctx);
            Map<Long, Double> before = new java.util.HashMap<>();
            groups.values().forEach(v -> v.forEach(p -> before.put(p.pid(), Processes.cpuSeconds(p))));
            KafkaNode.sleep(seconds * 1000L);
            Map<String, List<ProcessHandle>> after = groups(ctx);
            double total = 0;
            for (String k : groups.keySet()) {
                // per process: what it used in the window (a process that started in it counts whole; one that
                // ended in it, such as a closed database connection, is left out rather than subtracted)
                double used = after.get(k).stream().mapToDouble(p ->
                        Processes.cpuSeconds(p) - before.getOrDefault(p.pid(), 0.0)).sum();
                total += used;
                cpu.computeIfAbsent(k, x -> new ArrayList<>()).add(used);
            }
            cpu.computeIfAbsent("whole suite", x -> new ArrayList<>()).add(total);
            System.out.printf("[bench] idle run %d: %.2f CPU s in %d s%n", r, total, seconds);
        }
        List<List<String>> rows = new ArrayList<>();
        cpu.forEach((k, v) -> rows.add(List.of(k, Stats.f(Stats.median(v)),
                String.format("%.2f %%", 100 * Stats.median(v) / seconds))));
        s.line(ctx.repeats + " windows of " + seconds + " s with no requests, after the consumers had caught up "
                + "(consumer lag 0) and 10 s of quiet. CPU = user + system time from /proc/<pid>/stat of each "
                + "process and its children; median of the windows. Share = of one core. The services' retention "
                + "looked for old rows every " + ctx.retentionInterval() + " (the run command's default: 5 min; "
                + "10 s only when `old-rows` is in the same run, which times the retention's work).");
        s.table(List.of("process", "CPU s per " + seconds + " s", "share of one core"), rows);
        return s;
    }

    static Section startAndMemory(BenchContext ctx) throws Exception {
        Section s = new Section("start-memory", "Start time and idle memory per service");
        List<List<String>> rows = new ArrayList<>();
        List<ServiceSpec> services = ctx.smoke ? List.of(ServiceSpec.ALL.get(0)) : ServiceSpec.ALL;
        Map<String, Double> rss = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            rss.put(spec.name(), Processes.rssMiB(withChildren(ctx.suite().process(spec.name()))));
        }
        for (ServiceSpec spec : services) {
            List<Double> starts = new ArrayList<>();
            // stopped as ./run-suite stops it, so a JVM that records an AOT cache (JDK 25 or newer) writes it and
            // the measured starts use it, as every start after the first of a build does
            ctx.suite().stop(spec.name());
            for (int r = 0; r < (ctx.smoke ? 1 : ctx.repeats); r++) {
                ctx.suite().restart(spec.name());
                starts.add(ctx.suite().readyMillis().get(spec.name()) / 1000.0);
                ctx.suite().stop(spec.name());
            }
            ctx.suite().restart(spec.name());
            rows.add(List.of(spec.name(), Stats.f(Stats.median(starts)), Stats.f(rss.get(spec.name()))));
        }
        rows.add(List.of("Kafka broker (own JVM)", "", Stats.f(Processes.rssMiB(withChildren(ctx.kafka().handle())))));
        rows.add(List.of("PostgreSQL (all server processes)", "", Stats.f(Processes.rssMiB(Processes.postgres(ctx.dataDir.resolve("pg"))))));
        s.line("Start: one service restarted alone while the rest of the suite runs, from process launch until "
                + "`/q/health/ready` answers 200 (JVM start, Flyway, Kafka connections); median of "
                + (ctx.smoke ? 1 : ctx.repeats) + " restarts. Memory: resident set size (VmRSS) of each process "
                + "after the idle-cost windows, before any restart. Each service is first stopped as `./run-suite stop` "
                + "stops it (so a JVM recording its AOT cache writes it), then started and stopped again for each "
                + "measured start. Services run on " + ctx.serviceJvm() + " with " + ctx.serviceJavaOpts() + ".");
        s.table(List.of("process", "start to ready (s)", "idle RSS (MiB)"), rows);
        return s;
    }

    private static Map<String, List<ProcessHandle>> groups(BenchContext ctx) {
        Map<String, List<ProcessHandle>> g = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            g.put(spec.name(), withChildren(ctx.suite().process(spec.name())));
        }
        g.put("Kafka broker", withChildren(ctx.kafka().handle()));
        g.put("PostgreSQL", Processes.postgres(ctx.dataDir.resolve("pg")));
        return g;
    }

    private static List<ProcessHandle> withChildren(ProcessHandle p) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(p);
        p.descendants().forEach(all::add);
        return all;
    }
}
