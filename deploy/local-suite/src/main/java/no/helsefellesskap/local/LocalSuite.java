package no.helsefellesskap.local;

import no.helsefellesskap.demo.DemoData;
import no.helsefellesskap.demo.DemoDataLoader;
import no.helsefellesskap.demo.LoadDemoData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ./run-suite}: starts the whole suite and keeps it running until Ctrl-C or {@code ./run-suite stop}. */
@Command(name = "run-suite", mixinStandardHelpOptions = true,
        description = "Runs PostgreSQL, Kafka and the five services of the oppgavedeling suite locally.",
        subcommands = LocalSuite.Stop.class)
public class LocalSuite implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: current folder)", defaultValue = ".")
    Path root;

    @Option(names = "--data-dir", description = "Where data, logs and tokens live (default: <root>/.run)")
    Path dataDir;

    @Option(names = "--clean", description = "Start with empty PostgreSQL and Kafka data")
    boolean clean;

    @Option(names = "--port-offset", description = "Added to every port (services 8080-8084, PostgreSQL 15432, Kafka 19092)",
            defaultValue = "0")
    int portOffset;

    @Option(names = "--no-demo-data", description = "Do not load the demo dataset (the real cases) after start")
    boolean noDemoData;

    @Option(names = "--ready-timeout", description = "Seconds to wait for all services to be ready", defaultValue = "300")
    int readyTimeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalSuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : root.resolve(".run");
        Files.createDirectories(data);
        Path pidFile = data.resolve("suite.pid");
        Optional<ProcessHandle> running = runningSuite(pidFile);
        if (running.isPresent()) {
            System.err.println("A suite is already running (pid " + running.get().pid() + "); stop it with ./run-suite stop");
            return 1;
        }
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        InfrastructureLog.to(data.resolve("logs").resolve("infrastructure.log"));

        Suite suite = new Suite(new Suite.Options(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(),
                portOffset, clean, Duration.ofSeconds(readyTimeoutSeconds), System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[suite] stopping ...");
            suite.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // nothing left to do
            }
            System.out.println("[suite] stopped");
            stopped.countDown();
        }, "suite-shutdown"));

        long t0 = System.nanoTime();
        try {
            suite.start();
        } catch (RuntimeException e) {
            System.err.println("[suite] failed to start: " + e.getMessage());
            return 2;
        }
        printReady(suite, data, (System.nanoTime() - t0) / 1_000_000);
        if (!noDemoData) {
            loadDemoData(suite);
        }
        stopped.await(); // until Ctrl-C or ./run-suite stop (SIGTERM)
        return 0;
    }

    /** The real cases, through the REST APIs as their owners would register them; loading again adds nothing. */
    private void loadDemoData(Suite suite) {
        System.out.println("[suite] loading the demo dataset (the real cases; --no-demo-data skips) ...");
        try {
            DemoDataLoader.Report r = new DemoDataLoader(DemoData.packaged(), DemoDataLoader.Endpoints.local("localhost",
                    portOffset), LoadDemoData.signer(suite.keys()), Duration.ofSeconds(60)).load();
            System.out.print(r);
        } catch (RuntimeException e) {
            System.err.println("[suite] demo data not loaded: " + e.getMessage());
        }
    }

    private static void printReady(Suite suite, Path data, long millis) {
        System.out.println();
        System.out.printf("[suite] all services ready in %.1f s%n", millis / 1000.0);
        suite.ports().forEach((name, port) -> System.out.printf("  %-20s http://localhost:%d   (OpenAPI /q/openapi, Swagger UI /q/swagger-ui, health /q/health)%n", name, port));
        System.out.println("  PostgreSQL           " + suite.jdbcUrl());
        System.out.println("  Kafka                " + suite.bootstrapServers());
        System.out.println("  demo tokens          " + data.resolve("tokens") + "/<persona>.jwt");
        System.out.println("  try: curl -H \"Authorization: Bearer $(cat .run/tokens/hf-registrar-ahus.jwt)\" http://localhost:"
                + suite.ports().get("pilot-projects") + "/api/pilots");
        System.out.println("  dashboard            http://localhost:" + suite.ports().get("spread")
                + "/#token=$(cat .run/tokens/programme-admin.jwt)   (the token stays in the browser tab)");
        System.out.println("Ctrl-C or ./run-suite stop stops everything.");
    }

    static Optional<ProcessHandle> runningSuite(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Command(name = "stop", description = "Stops a suite started from this folder and waits until it has exited.")
    static class Stop implements Callable<Integer> {

        @CommandLine.ParentCommand
        LocalSuite parent;

        @Override
        public Integer call() throws Exception {
            Path data = parent.dataDir != null ? parent.dataDir : parent.root.resolve(".run");
            Optional<ProcessHandle> suite = runningSuite(data.resolve("suite.pid"));
            if (suite.isEmpty()) {
                System.out.println("No suite is running.");
                return 0;
            }
            suite.get().destroy();
            suite.get().onExit().get(60, TimeUnit.SECONDS);
            System.out.println("Suite stopped.");
            return 0;
        }
    }
}
