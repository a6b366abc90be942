package no.helsefellesskap.local;

import no.helsefellesskap.infra.DevKeys;
import no.helsefellesskap.infra.EmbeddedKafka;
import no.helsefellesskap.infra.EmbeddedPostgresServer;
import no.helsefellesskap.infra.Persona;
import no.helsefellesskap.infra.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole suite on one machine: PostgreSQL (embedded unless {@code QUARKUS_DATASOURCE_JDBC_URL} is set), a
 * single-node KRaft broker (in this JVM unless {@code KAFKA_BOOTSTRAP_SERVERS} is set) and the five services as
 * child JVMs. {@link #close()} stops everything it started.
 */
public final class Suite implements AutoCloseable {

    public record Options(Path root, Path dataDir, int portOffset, boolean clean, Duration readyTimeout,
                          Map<String, String> environment) {
    }

    /**
     * The services' JVM options unless SUITE_SERVICE_JAVA_OPTS says otherwise: C1 only, for a quick start, and small:
     * a heap that starts small and is given back after a collection, one compiler thread, a smaller code cache and
     * thread stacks, one Netty arena (measured in BENCHMARKS.md: idle RSS 237-270 MiB before, 188-204 after).
     */
    public static final String QUICK_START_JAVA_OPTS = "-Xmx256m -Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=48m -Xss512k -XX:MinHeapFreeRatio=10"
            + " -XX:MaxHeapFreeRatio=20 -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1";

    private final Options options;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Map<String, Long> readyMillis = new LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafka kafka;
    private String jdbcUrl;
    private String bootstrapServers;
    private DevKeys keys;
    private volatile boolean training;
    private ServiceJvm jvm;

    /** The settings with the services' AOT cache off: a test's suite starts once, so a cache would only be written. */
    public static Map<String, String> withoutAotCache(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SUITE_AOT", "false");
        return env;
    }

    /** Whether the services get an AOT cache (on a JDK that has them) unless {@code SUITE_AOT=false}. */
    private static boolean aot(Map<String, String> environment) {
        return !"false".equalsIgnoreCase(environment.getOrDefault("SUITE_AOT", "true").strip());
    }

    /** The JVM the services get with these settings, described for a reader. */
    public static String serviceJvm(Map<String, String> environment) {
        return ServiceJvm.choose(environment).describe(aot(environment));
    }

    public Suite(Options options) {
        this.options = options;
    }

    public Suite start() {
        try {
            if (options.clean()) {
                deleteTree(options.dataDir().resolve("pg"));
                deleteTree(options.dataDir().resolve("kafka"));
            }
            Files.createDirectories(options.dataDir().resolve("logs"));
            startPostgres();
            startKafka();
            keys = DevKeys.loadOrCreate(options.dataDir().resolve("keys"));
            writeTokens();
            jvm = ServiceJvm.choose(options.environment()); // once: it may look through the installed JDKs
            log("Services run on " + jvm.describe(aot(options.environment())));
            for (ServiceSpec s : ServiceSpec.ALL) {
                startService(s);
            }
            awaitReady();
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startPostgres() {
        String external = env("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null) {
            jdbcUrl = external;
            log("PostgreSQL: external, " + external);
            return;
        }
        postgres = EmbeddedPostgresServer.start(options.dataDir().resolve("pg"), 15432 + options.portOffset(), false,
                durable());
        jdbcUrl = postgres.jdbcUrl();
        log("PostgreSQL: embedded, " + jdbcUrl + " (data in " + options.dataDir().resolve("pg") + ")"
                + (durable() ? "" : "; NOT DURABLE (SUITE_POSTGRES_DURABLE=false): fsync and synchronous_commit off"));
    }

    private void startKafka() {
        String external = env("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null) {
            bootstrapServers = external;
            log("Kafka: external, " + external);
            return;
        }
        kafka = new EmbeddedKafka(options.dataDir().resolve("kafka"), 19092 + options.portOffset(),
                19093 + options.portOffset()).start();
        bootstrapServers = kafka.bootstrapServers();
        log("Kafka: single-node KRaft broker, " + bootstrapServers);
    }

    private void writeTokens() throws IOException {
        Path dir = options.dataDir().resolve("tokens");
        Files.createDirectories(dir);
        for (Persona p : Persona.all()) {
            String jwt = Tokens.sign(keys.privateKey(), p.id(), p.orgnr(), p.roles(), Duration.ofDays(30));
            Files.writeString(dir.resolve(p.id() + ".jwt"), jwt);
        }
    }

    private void startService(ServiceSpec s) throws IOException {
        int port = s.port() + options.portOffset();
        Path jar = options.root().resolve("services").resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not built: " + jar + " (run ./mvnw -DskipTests package)");
        }
        List<String> cmd = new ArrayList<>(List.of(jvm.java().toString()));
        // small and quick to start by default; SUITE_SERVICE_JAVA_OPTS replaces these (the bench uses the full JIT)
        String opts = envOr("SUITE_SERVICE_JAVA_OPTS", QUICK_START_JAVA_OPTS).replace("{service}", s.name());
        cmd.addAll(List.of(opts.trim().split("\\s+")));
        cmd.addAll(jvm.startOptions(options.dataDir().resolve("aot"), s.name(), jar,
                aot(options.environment())));
        if (jvm.training()) {
            training = true;
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("MALLOC_ARENA_MAX", "2"); // glibc's per-thread arenas are most of a JVM's native memory
        env.putAll(options.environment()); // the caller's settings reach the services (e.g. SPREAD_WEBHOOK_*)
        env.putAll(serviceEnvironment(port));
        Path log = options.dataDir().resolve("logs").resolve(s.name() + ".log");
        if (!processes.containsKey(s.name())) {
            Files.deleteIfExists(log); // a restart appends; a new suite starts a new log
        }
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        startedAt.put(s.name(), System.nanoTime());
        processes.put(s.name(), pb.start());
        ports.put(s.name(), port);
    }

    /** The configuration a service gets; the same names docker-compose.yml uses. */
    Map<String, String> serviceEnvironment(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", envOr("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER));
        env.put("QUARKUS_DATASOURCE_PASSWORD", envOr("QUARKUS_DATASOURCE_PASSWORD", ""));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_OIDC_PUBLIC_KEY", keys.publicKeyBase64());
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.LOCAL_ISSUER);
        // local receivers listen on this machine over plain http; a deployment keeps both refused
        env.put("SPREAD_WEBHOOK_ALLOW_PRIVATE_TARGETS", envOr("SPREAD_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true"));
        env.put("SPREAD_WEBHOOK_ALLOW_HTTP", envOr("SPREAD_WEBHOOK_ALLOW_HTTP", "true"));
        return env;
    }

    private void awaitReady() {
        awaitReady(new LinkedHashMap<>(ports));
    }

    private void awaitReady(Map<String, Integer> waiting) {
        Instant deadline = Instant.now().plus(options.readyTimeout());
        while (!waiting.isEmpty()) {
            for (String name : waiting.keySet()) {
                Process p = processes.get(name);
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see "
                            + options.dataDir().resolve("logs").resolve(name + ".log"));
                }
            }
            waiting.entrySet().removeIf(e -> {
                if (!isReady(e.getValue())) {
                    return false;
                }
                readyMillis.put(e.getKey(), (System.nanoTime() - startedAt.get(e.getKey())) / 1_000_000);
                return true;
            });
            if (waiting.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not ready within " + options.readyTimeout() + ": " + waiting.keySet());
            }
            sleep(200);
        }
    }

    static boolean isReady(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public Map<String, Integer> ports() {
        return ports;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DevKeys keys() {
        return keys;
    }

    /** Milliseconds from each service's process start to its first ready answer (the latest start). */
    public Map<String, Long> readyMillis() {
        return Map.copyOf(readyMillis);
    }

    public ProcessHandle process(String service) {
        return processes.get(service).toHandle();
    }

    /** Kills a service at once (SIGKILL: no shutdown hooks, no graceful close), as a crash would. */
    public synchronized void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops a service as {@code ./run-suite stop} would (SIGTERM, its shutdown and, the first time, its AOT cache). */
    public synchronized void stop(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroy();
        if (!p.waitFor(training ? 90 : 20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public synchronized void restart(String service) throws IOException {
        Process old = processes.get(service);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(service + " is running");
        }
        startService(ServiceSpec.ALL.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow());
        awaitReady(new LinkedHashMap<>(Map.of(service, ports.get(service))));
    }

    /** Stops the embedded PostgreSQL server; {@link #startDatabase()} starts it again on the same data and port. */
    public synchronized void stopDatabase() {
        requireEmbedded(postgres, "PostgreSQL").close();
    }

    public synchronized void startDatabase() {
        int port = requireEmbedded(postgres, "PostgreSQL").port();
        postgres = EmbeddedPostgresServer.start(options.dataDir().resolve("pg"), port, false, durable());
    }

    /**
     * Durable unless {@code SUITE_POSTGRES_DURABLE=false}: only for measuring what durability costs (the bench sets
     * it beside a pgbench limit on the same server), never for data anyone keeps.
     */
    private boolean durable() {
        return !"false".equalsIgnoreCase(envOr("SUITE_POSTGRES_DURABLE", "true"));
    }

    private static <T> T requireEmbedded(T server, String what) {
        if (server == null) {
            throw new IllegalStateException(what + " is external; only the embedded one can be stopped here");
        }
        return server;
    }

    /** The service processes and their descendants. */
    public List<ProcessHandle> processHandles() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes.values()) {
            all.add(p.toHandle());
            p.descendants().forEach(all::add);
        }
        return all;
    }

    @Override
    public synchronized void close() {
        for (Process p : processes.values()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        // a JVM writing its AOT cache at exit (the first run on a new build) needs longer than a plain stop
        int wait = training ? 90 : 20;
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(wait, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private String env(String name) {
        String v = options.environment().get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private String envOr(String name, String fallback) {
        String v = env(name);
        return v == null ? fallback : v;
    }

    private static void log(String s) {
        System.out.println("[suite] " + s);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Deletes a folder and everything in it (the bench harness uses it for its own data folders too). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
