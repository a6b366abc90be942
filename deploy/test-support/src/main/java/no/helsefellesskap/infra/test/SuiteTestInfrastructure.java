package no.helsefellesskap.infra.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.helsefellesskap.infra.DevKeys;
import no.helsefellesskap.infra.EmbeddedKafka;
import no.helsefellesskap.infra.EmbeddedPostgresServer;
import no.helsefellesskap.infra.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one test resource of the suite: a real PostgreSQL and a real Kafka broker for every {@code @QuarkusTest}.
 * <p>
 * Starts them once per test JVM: external ones when {@code QUARKUS_DATASOURCE_JDBC_URL} / {@code KAFKA_BOOTSTRAP_SERVERS}
 * name them, containers from the official images where a Docker engine answers, else embedded PostgreSQL and an
 * in-process KRaft broker ({@link InfrastructureChoice}; the choice is printed).
 * It also makes a signing key and configures the services to trust it, so {@link TestTokens} can mint tokens.
 * State is kept in system properties because Quarkus may load this class in more than one class loader.
 */
public class SuiteTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    static final String P_JDBC = "infratest.jdbc-url";
    static final String P_KAFKA = "infratest.kafka";
    static final String P_PRIVATE = "infratest.private-key";
    static final String P_PUBLIC = "infratest.public-key";
    static final String P_JDBC_USER = "infratest.jdbc-user";
    static final String P_JDBC_PASSWORD = "infratest.jdbc-password";
    static final String P_CHOICE = "infratest.choice";

    /** Chosen once per test JVM (InfrastructureChoice) and logged, so a run says what it tested against. */
    static synchronized InfrastructureChoice.Choice choice() {
        Map<String, String> env = System.getenv();
        InfrastructureChoice.Choice c = InfrastructureChoice.choose(env, System.getProperty("suite.test.infra"),
                () -> InfrastructureChoice.dockerSigns(env), InfrastructureChoice::dockerAnswers);
        if (System.getProperty(P_CHOICE) == null) {
            System.setProperty(P_CHOICE, c.toString());
            System.out.println("[test infrastructure] PostgreSQL: " + c.postgres() + ", Kafka: " + c.kafka()
                    + " (" + c.reason() + ")");
        }
        return c;
    }

    private static synchronized void startPostgresContainer() {
        if (System.getProperty(P_JDBC) == null) {
            Containers.Postgres pg = Containers.postgres();
            System.setProperty(P_JDBC_USER, pg.user());
            System.setProperty(P_JDBC_PASSWORD, pg.password());
            System.setProperty(P_JDBC, pg.jdbcUrl());
        }
    }

    private static synchronized String startKafkaContainer() {
        if (System.getProperty(P_KAFKA) == null) {
            System.setProperty(P_KAFKA, Containers.kafka());
        }
        return System.getProperty(P_KAFKA);
    }

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");

        InfrastructureChoice.Choice choice = choice();
        switch (choice.postgres()) {
            case EMBEDDED -> {
                config.put("quarkus.datasource.jdbc.url", startPostgres());
                config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
                config.put("quarkus.datasource.password", "");
            }
            case CONTAINERS -> {
                startPostgresContainer();
                config.put("quarkus.datasource.jdbc.url", System.getProperty(P_JDBC));
                config.put("quarkus.datasource.username", System.getProperty(P_JDBC_USER));
                config.put("quarkus.datasource.password", System.getProperty(P_JDBC_PASSWORD));
            }
            case EXTERNAL -> {
                // the datasource settings come from the environment
            }
        }
        config.put("kafka.bootstrap.servers", switch (choice.kafka()) {
            case EMBEDDED -> startKafka();
            case CONTAINERS -> startKafkaContainer();
            case EXTERNAL -> System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        });

        keys();
        config.put("quarkus.oidc.public-key", System.getProperty(P_PUBLIC));
        config.put("quarkus.oidc.token.issuer", Tokens.LOCAL_ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; torn down by the shutdown hooks.
    }

    static synchronized DevKeys keys() {
        if (System.getProperty(P_PRIVATE) == null) {
            DevKeys k = DevKeys.generate();
            System.setProperty(P_PRIVATE, k.privateKeyBase64());
            System.setProperty(P_PUBLIC, k.publicKeyBase64());
        }
        return DevKeys.fromBase64(System.getProperty(P_PRIVATE), System.getProperty(P_PUBLIC));
    }

    private static String startPostgres() {
        String url = System.getProperty(P_JDBC);
        if (url != null) {
            return url;
        }
        Path dir = tempDir("suite-test-pg");
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("data"), 0, true, false); // a throwaway database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pg.close();
            deleteQuietly(dir);
        }, "stop-test-postgres"));
        System.setProperty(P_JDBC, pg.jdbcUrl());
        return pg.jdbcUrl();
    }

    private static String startKafka() {
        String bootstrap = System.getProperty(P_KAFKA);
        if (bootstrap != null) {
            return bootstrap;
        }
        Path dir = tempDir("suite-test-kafka");
        EmbeddedKafka kafka = null;
        // a port probed free may be taken before the broker binds it (modules' tests run side by side): new ports
        for (int attempt = 1; kafka == null; attempt++) {
            int[] ports = freePorts(2);
            try {
                kafka = new EmbeddedKafka(dir.resolve("attempt-" + attempt), ports[0], ports[1]).start();
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        EmbeddedKafka started = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.stop();
            deleteQuietly(dir);
        }, "stop-test-kafka"));
        KafkaControl.register(started);
        System.setProperty(P_KAFKA, started.bootstrapServers());
        return started.bootstrapServers();
    }

    /**
     * Distinct free ports: the sockets stay open until all are chosen, since two asked for one after the other may
     * get the same port back (the broker then refuses a listener and a controller on one port).
     */
    public static int[] freePorts(int n) {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // only probing for a free port
                    }
                }
            }
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }
}
