package no.helsefellesskap.bench;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench/run}: starts a suite of its own (embedded PostgreSQL, Kafka in its own JVM, the five services with
 * production settings) and measures it. Each scenario writes {@code bench/results/<scenario>.md}; a full run also
 * writes {@code BENCHMARKS.md}. {@code --smoke} runs every scenario at toy sizes (CI runs it).
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "Measured speed and measured survival of the oppgavedeling suite.")
public class Bench implements Callable<Integer> {

    interface Scenario {
        Section run(BenchContext ctx) throws Exception;
    }

    /** In the order a full run takes them: the hostile and authorisation runs on a quiet suite, scale last. */
    static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("authz", Authorisation::run);
        SCENARIOS.put("hostile", Hostile::run);
        SCENARIOS.put("write", WritePath::run);
        SCENARIOS.put("latency", EventLatency::run);
        SCENARIOS.put("fanout", FanOut::run);
        SCENARIOS.put("dead-endpoint", DeadEndpoint::run);
        SCENARIOS.put("old-rows", OldRows::run);
        SCENARIOS.put("profile", Profile::run);
        SCENARIOS.put("idle", Footprint::idle);
        SCENARIOS.put("start-memory", Footprint::startAndMemory);
        SCENARIOS.put("survival-kafka", Survival::kafka);
        SCENARIOS.put("survival-consumer", Survival::consumerKilled);
        SCENARIOS.put("survival-webhook", Survival::receiverDown);
        SCENARIOS.put("survival-poison", Survival::poison);
        SCENARIOS.put("survival-postgres", Survival::postgresRestart);
        SCENARIOS.put("scale", ctx -> Scale.run(ctx, ctx.smoke ? new Scale.Sizes(100, 20, 20)
                : new Scale.Sizes(ctx.scalePilots, ctx.scalePilots / 5, 50), ctx.smoke ? 1 : ctx.rebuildRuns));
        SCENARIOS.put("personal-data", PersonalDataScan::run);
    }

    @Parameters(arity = "0..*", paramLabel = "SCENARIO",
            description = "all (default), report (BENCHMARKS.md from the section files), suite-start, or any of: authz hostile write latency fanout dead-endpoint old-rows profile idle start-memory "
                    + "survival-kafka survival-consumer survival-webhook survival-poison survival-postgres scale personal-data")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--smoke", description = "Toy sizes and short windows: checks the harness works (CI)")
    boolean smoke;

    @Option(names = "--repeats", description = "Runs per figure; figures are medians (default 3)", defaultValue = "3")
    int repeats;

    @Option(names = "--port-offset", description = "Added to the suite's ports (default 500)", defaultValue = "500")
    int portOffset;

    @Option(names = "--scale-pilots", description = "Pilots the scale generator writes; evaluations are a fifth, with 50 "
            + "outcomes each (default 100000)", defaultValue = "100000")
    int scalePilots;

    @Option(names = "--rebuild-runs", description = "Rebuilds timed for the replay rate (default 3)", defaultValue = "3")
    int rebuildRuns;

    @Option(names = "--rebuild-budget", description = "Minutes the timed rebuilds may take in all; no further run starts "
            + "when the next would exceed it (default 30)", defaultValue = "30")
    int rebuildBudget;

    @Option(names = "--root", description = "Repository root (default: current folder)", defaultValue = ".")
    Path root;

    @Option(names = "--results", description = "Where the section files go (default: <root>/bench/results)")
    Path results;

    /** Held so the levels stick: the harness prints its own progress; library INFO logging only buries it. */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("io.zonky"), java.util.logging.Logger.getLogger("kafka"),
            java.util.logging.Logger.getLogger("org.apache.zookeeper"), java.util.logging.Logger.getLogger("java.util"));

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        root = root.toAbsolutePath().normalize();
        Path out = results != null ? results : root.resolve(smoke ? "bench/target/smoke-results" : "bench/results");
        Files.createDirectories(out);
        if (scenarios.equals(List.of("report"))) {
            report(root, out, null);
            System.out.println("[bench] BENCHMARKS.md written from " + out);
            return 0;
        }
        boolean all = scenarios.isEmpty() || scenarios.contains("all");
        List<String> chosen = all ? new ArrayList<>(SCENARIOS.keySet()) : new ArrayList<>(scenarios);
        for (String s : chosen) {
            if (!SCENARIOS.containsKey(s) && !s.equals("suite-start")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenario " + s);
            }
        }
        int reps = smoke ? 1 : repeats;
        List<String> failed = new ArrayList<>();
        Map<String, String> timings = new LinkedHashMap<>(); // seconds, to a tenth
        double settling = 0;
        Instant started = Instant.now();
        if ((all && !smoke) || chosen.contains("suite-start")) {
            Section s = Footprint.runCommand(root, portOffset + 100, reps, smoke);
            write(out, s, "bench/run suite-start");
            failed.addAll(s.failures());
        }
        chosen.remove("suite-start");
        if (!chosen.isEmpty()) {
            Instant suiteStarting = Instant.now();
            try (BenchContext ctx = new BenchContext(root, portOffset, smoke, reps, chosen.contains("old-rows"))) {
                timings.put("suite start", tenths(suiteStarting));
                ctx.scalePilots = scalePilots;
                ctx.rebuildRuns = rebuildRuns;
                ctx.rebuildBudgetMinutes = rebuildBudget;
                Thread cleanup = new Thread(ctx::close, "bench-stop"); // Ctrl-C stops the suite too
                Runtime.getRuntime().addShutdownHook(cleanup);
                for (String name : chosen) {
                    System.out.println("[bench] === " + name + " ===");
                    // each scenario starts on a quiet suite: a backlog left by the one before (the write path's
                    // thousands of pilots) would otherwise be fanned out to the subscriptions this one makes, and
                    // webhooks still due from it would be sent before this one's (the fan-out took 11 s after write)
                    Instant quiet = Instant.now();
                    boolean settled = ctx.settle(Duration.ofMinutes(10))
                            && BenchContext.await(Duration.ofMinutes(10), () -> ctx.dueDeliveries() == 0);
                    double waited = Duration.between(quiet, Instant.now()).toMillis() / 1000.0;
                    settling += waited;
                    System.out.printf("[bench] %s after %.1f s%n", settled ? "quiet" : "still not quiet", waited);
                    Instant t0 = Instant.now();
                    Section s;
                    if (!name.equals("personal-data")) {
                        ctx.ran.add(name);
                    }
                    try {
                        s = SCENARIOS.get(name).run(ctx);
                    } catch (Exception | AssertionError e) {
                        e.printStackTrace();
                        s = new Section(name, name);
                        s.require(false, "the run failed: " + e);
                    }
                    s.line("");
                    s.line("_Ran " + t0.truncatedTo(ChronoUnit.SECONDS) + ", " + (Instant.now().getEpochSecond()
                            - t0.getEpochSecond()) + " s" + (smoke ? ", smoke sizes" : "") + "._");
                    write(out, s, "bench/run " + name);
                    failed.addAll(s.failures());
                    timings.put(name, tenths(t0));
                }
            }
        }
        timings.put("waiting for a quiet suite between scenarios", String.format("%.1f", settling));
        System.out.println("[bench] seconds taken: " + timings + ", in all " + tenths(started));
        if (all && !smoke) {
            report(root, out, started);
        }
        System.out.println("[bench] " + (failed.isEmpty() ? "all scenarios passed" : failed.size() + " failures: " + failed));
        return failed.isEmpty() ? 0 : 1;
    }

    /** A progress line within a scenario or step: {@code [bench] <step>: <what> at <seconds> s}. */
    static void progress(String step, String what, long startNanos) {
        System.out.printf("[bench] %s: %s at %.1f s%n", step, what, (System.nanoTime() - startNanos) / 1e9);
    }

    private static String tenths(Instant since) {
        return String.format("%.1f", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static void write(Path out, Section s, String command) throws IOException {
        Files.writeString(out.resolve(s.name + ".md"), s.markdown(command));
        System.out.println(s.markdown(command));
    }

    /** BENCHMARKS.md: the machine, then every section file in the order of a full run. */
    static void report(Path root, Path out, Instant started) throws Exception {
        StringBuilder b = new StringBuilder(Files.readString(root.resolve("bench/BENCHMARKS.head.md")));
        b.append("\n## Machine and run\n\n").append(machine(root, out, started)).append('\n');
        List<String> order = new ArrayList<>(List.of("suite-start"));
        order.addAll(SCENARIOS.keySet());
        order.add("pages"); // written by bench/lighthouse against a running suite
        for (String name : order) {
            Path f = out.resolve(name + ".md");
            if (Files.exists(f)) {
                b.append('\n').append(Files.readString(f).replaceFirst("^## ", "## "));
            }
        }
        Files.writeString(root.resolve("BENCHMARKS.md"), b.toString());
    }

    static String machine(Path root, Path out, Instant started) throws Exception {
        StringBuilder m = new StringBuilder();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D", "")).map(k -> Long.parseLong(k) / 1024 / 1024 + " GiB").orElse("?");
        String os = Files.exists(Path.of("/etc/os-release")) ? Files.readAllLines(Path.of("/etc/os-release")).stream()
                .filter(l -> l.startsWith("PRETTY_NAME")).findFirst().map(l -> l.substring(13).replace("\"", "")).orElse("") : "";
        m.append("- CPU: ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        m.append("- Memory: ").append(mem).append("; OS: ").append(os).append("\n");
        m.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        m.append("- Kafka ").append(AppInfoParser.getVersion()).append(" (single-node KRaft, own JVM); PostgreSQL: ")
                .append(postgresVersion(root)).append(" (embedded, the suite's default)\n");
        m.append("- Commit: ").append(git(root));
        if (started != null) {
            m.append("; run started ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", finished ")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        m.append("; each section says when it ran\n");
        return m.toString();
    }

    private static String postgresVersion(Path root) {
        try {
            Path f = root.resolve("bench/target/postgres-version.txt");
            return Files.exists(f) ? Files.readString(f).trim() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path root) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(root.toFile()).start();
            return new String(p.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void recordPostgresVersion(BenchContext ctx) {
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show server_version")) {
            rs.next();
            Files.writeString(ctx.root.resolve("bench/target/postgres-version.txt"), rs.getString(1));
        } catch (Exception e) {
            // only for the report header
        }
    }
}
