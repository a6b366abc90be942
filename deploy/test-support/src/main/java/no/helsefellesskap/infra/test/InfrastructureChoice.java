package no.helsefellesskap.infra.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where the tests' PostgreSQL and Kafka come from, chosen once per test JVM:
 * <ol>
 * <li>{@code QUARKUS_DATASOURCE_JDBC_URL} / {@code KAFKA_BOOTSTRAP_SERVERS} set: those servers (each on its own);</li>
 * <li>{@code SUITE_TEST_INFRA} (or {@code -Dsuite.test.infra}) {@code embedded} or {@code containers}: as asked
 * (containers without a reachable Docker engine is an error, not a silent fallback);</li>
 * <li>otherwise ({@code auto}): Testcontainers when a Docker engine answers, else the embedded ones.</li>
 * </ol>
 * Asking Testcontainers costs seconds when nothing is there, so it is asked only when some sign of an engine exists
 * ({@code DOCKER_HOST}, a Docker socket, or a Testcontainers configuration).
 */
public final class InfrastructureChoice {

    public enum Source { EXTERNAL, CONTAINERS, EMBEDDED }

    /** What was chosen for each part, and why (logged by the test resource). */
    public record Choice(Source postgres, Source kafka, String reason) {
    }

    private InfrastructureChoice() {
    }

    public static Choice choose(Map<String, String> env, String property, BooleanSupplier dockerSigns,
                                BooleanSupplier dockerAnswers) {
        String asked = property != null && !property.isBlank() ? property : env.getOrDefault("SUITE_TEST_INFRA", "auto");
        asked = asked.strip().toLowerCase(Locale.ROOT);
        boolean externalPg = present(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        boolean externalKafka = present(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        if (externalPg && externalKafka) {
            return new Choice(Source.EXTERNAL, Source.EXTERNAL, "QUARKUS_DATASOURCE_JDBC_URL and KAFKA_BOOTSTRAP_SERVERS are set");
        }
        Source rest;
        String reason;
        switch (asked) {
            case "embedded" -> {
                rest = Source.EMBEDDED;
                reason = "SUITE_TEST_INFRA=embedded";
            }
            case "containers" -> {
                if (!dockerAnswers.getAsBoolean()) {
                    throw new IllegalStateException("SUITE_TEST_INFRA=containers, but no Docker engine answers"
                            + " (set DOCKER_HOST, or use SUITE_TEST_INFRA=auto or embedded)");
                }
                rest = Source.CONTAINERS;
                reason = "SUITE_TEST_INFRA=containers";
            }
            case "auto" -> {
                if (dockerSigns.getAsBoolean() && dockerAnswers.getAsBoolean()) {
                    rest = Source.CONTAINERS;
                    reason = "a Docker engine answers";
                } else {
                    rest = Source.EMBEDDED;
                    reason = "no Docker engine reachable";
                }
            }
            default -> throw new IllegalArgumentException("SUITE_TEST_INFRA must be auto, embedded or containers, not '"
                    + asked + "'");
        }
        return new Choice(externalPg ? Source.EXTERNAL : rest, externalKafka ? Source.EXTERNAL : rest, reason);
    }

    /** Signs that a Docker engine may be there: cheap to test, unlike asking one. */
    public static boolean dockerSigns(Map<String, String> env) {
        return present(env.get("DOCKER_HOST")) || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    }

    /** Testcontainers' own check (its strategies: DOCKER_HOST, the socket, Docker Desktop, ...). */
    public static boolean dockerAnswers() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }
}
