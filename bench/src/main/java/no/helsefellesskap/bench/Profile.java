package no.helsefellesskap.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the write path's CPU goes: JFR's execution samples (settings=profile, every 10 ms per running Java thread) of
 * every service and the broker while 8 clients register pilots, each sample put in the first category (in the
 * order of {@link #CATEGORIES}) that any frame of its stack belongs to. PostgreSQL's share is its CPU time from /proc.
 */
final class Profile {

    /** Category, and the frame prefixes (class name, or class.method) that put a sample in it. */
    static final List<Map.Entry<String, List<String>>> CATEGORIES = List.of(
            Map.entry("token verification (JWT)", List.of("io.smallrye.jwt", "org.jose4j", "io.quarkus.oidc")),
            Map.entry("validation (Bean Validation, code lists)", List.of("org.hibernate.validator",
                    "no.helsefellesskap.runtime.validation", "no.helsefellesskap.model.validation")),
            Map.entry("ORM flush and entity work (Hibernate)", List.of("org.hibernate.event", "org.hibernate.engine",
                    "org.hibernate.persister", "org.hibernate.internal")),
            Map.entry("outbox relay (read, send, mark sent)", List.of("no.helsefellesskap.runtime.outbox.OutboxRelay")),
            Map.entry("consumers: projection, fan-out, feed (spread)", List.of("no.helsefellesskap.spread")),
            Map.entry("consumers: other services' handlers", List.of("no.helsefellesskap.runtime.messaging.EventConsumer")),
            Map.entry("transaction commit (Narayana, Agroal)", List.of("com.arjuna", "io.agroal",
                    "io.quarkus.narayana")),
            Map.entry("JDBC driver (PostgreSQL protocol)", List.of("org.postgresql")),
            Map.entry("JSON (Jackson)", List.of("com.fasterxml.jackson")),
            Map.entry("Kafka client (producer, consumer, network)", List.of("org.apache.kafka.clients",
                    "org.apache.kafka.common", "io.smallrye.reactive.messaging")),
            Map.entry("Kafka broker (request handling, log)", List.of("kafka.", "org.apache.kafka.server",
                    "org.apache.kafka.storage", "org.apache.kafka.raft", "org.apache.kafka.coordinator")),
            Map.entry("HTTP (Vert.x, RESTEasy Reactive, Netty)", List.of("io.vertx", "io.netty",
                    "org.jboss.resteasy", "io.quarkus.vertx", "io.quarkus.resteasy")),
            Map.entry("logging", List.of("org.jboss.logmanager", "org.jboss.logging")));

    static Section run(BenchContext ctx) throws Exception {
        Section s = new Section("profile", "Profile of the write path: where the CPU of a registration goes");
        double seconds = ctx.smoke ? 1 : 30;
        if (!ctx.smoke) {
            // the optimising compiler's own work is CPU the profile would otherwise count (about half of it after a
            // 10 s warm-up): a minute of the same load first
            WritePath.restRun(ctx, 8, 60, "warm-up");
            ctx.settle();
        }
        Path dir = ctx.dataDir.resolve("profile");
        Files.createDirectories(dir);
        Map<String, ProcessHandle> jvms = new LinkedHashMap<>();
        for (var spec : no.helsefellesskap.local.ServiceSpec.ALL) {
            jvms.put(spec.name(), ctx.suite().process(spec.name()));
        }
        jvms.put("Kafka broker", ctx.kafka().handle());
        for (var e : jvms.entrySet()) {
            jcmd(e.getValue(), "JFR.start", "name=bench", "settings=profile",
                    "filename=" + dir.resolve(e.getKey().replace(' ', '-') + ".jfr"));
        }
        Map<String, Double> cpuBefore = new LinkedHashMap<>();
        jvms.forEach((k, p) -> cpuBefore.put(k, Processes.cpuSeconds(p)));
        cpuBefore.put("PostgreSQL", Processes.postgresCpuSeconds(ctx.dataDir.resolve("pg")));
        WritePath.Run run = WritePath.restRun(ctx, 8, seconds, "profile");
        ctx.settle(); // what the registrations caused downstream belongs to them
        Map<String, Double> cpu = new LinkedHashMap<>();
        jvms.forEach((k, p) -> cpu.put(k, Processes.cpuSeconds(p) - cpuBefore.get(k)));
        cpu.put("PostgreSQL", Processes.postgresCpuSeconds(ctx.dataDir.resolve("pg")) - cpuBefore.get("PostgreSQL"));
        for (var e : jvms.entrySet()) {
            jcmd(e.getValue(), "JFR.stop", "name=bench");
        }
        long registrations = Math.round(run.perSecond() * seconds);
        s.require(run.errors() == 0, "REST errors while profiling");
        s.require(registrations > 0, "no registration while profiling");

        Map<String, Long> byCategory = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> byCategory.put(c.getKey(), 0L));
        byCategory.put("other", 0L);
        List<List<String>> perProcess = new ArrayList<>();
        double totalCpu = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        for (var e : jvms.entrySet()) {
            Path file = dir.resolve(e.getKey().replace(' ', '-') + ".jfr");
            Map<String, Long> mine = categorise(file);
            long samples = mine.values().stream().mapToLong(Long::longValue).sum();
            // a process's CPU split by its own samples' shares, so the categories add up to measured CPU
            double ms = 1000 * cpu.get(e.getKey()) / registrations;
            mine.forEach((k, v) -> byCategory.merge(k, v == 0 ? 0 : Math.round(1000 * ms * v / samples), Long::sum));
            perProcess.add(List.of(e.getKey(), String.format("%.2f", ms), String.valueOf(samples), top(mine, samples)));
        }
        double pgMs = 1000 * cpu.get("PostgreSQL") / registrations;
        perProcess.add(List.of("PostgreSQL (all server processes)", String.format("%.2f", pgMs), "", "from /proc"));
        perProcess.add(List.of("**all processes**", String.format("**%.2f**", 1000 * totalCpu / registrations), "", ""));
        s.line("8 clients registering pilots for " + Stats.f(seconds) + " s (" + registrations + " registrations, "
                + Stats.f(run.perSecond()) + " per second), then until every consumer had caught up; JFR "
                + "(`settings=profile`) on each service and the broker meanwhile. CPU per registration is each "
                + "process's user + system time from /proc over that span divided by the registrations, so it "
                + "includes everything the registration caused downstream (relay, broker, each consumer) and the "
                + "idle work of the same span. Recordings: `" + ctx.root.relativize(dir) + "/*.jfr`.");
        s.table(List.of("process", "CPU ms per registration", "JFR samples", "largest categories (share of samples)"),
                perProcess);
        List<List<String>> rows = new ArrayList<>();
        byCategory.forEach((k, v) -> {
            if (v > 0) {
                rows.add(List.of(k, String.format("%.2f", v / 1000.0)));
            }
        });
        rows.add(List.of("PostgreSQL server (from /proc)", String.format("%.2f", pgMs)));
        s.line("The same CPU by category over every JVM (each process's CPU shared out by its samples; a sample "
                + "counts in the first category of this list that any frame of its stack belongs to):");
        s.table(List.of("category", "CPU ms per registration"), rows);
        return s;
    }

    static Map<String, Long> categorise(Path jfr) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> out.put(c.getKey(), 0L));
        out.put("other", 0L);
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            out.merge(category(e.getStackTrace().getFrames()), 1L, Long::sum);
        }
        return out;
    }

    static String category(List<RecordedFrame> frames) {
        for (var c : CATEGORIES) {
            for (RecordedFrame f : frames) {
                String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                for (String prefix : c.getValue()) {
                    if (name.startsWith(prefix)) {
                        return c.getKey();
                    }
                }
            }
        }
        return "other";
    }

    private static String top(Map<String, Long> counts, long total) {
        if (total == 0) {
            return "";
        }
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(4)
                .map(e -> String.format("%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static void jcmd(ProcessHandle p, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(p.pid()));
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        if (proc.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }
}
