package no.helsefellesskap.infra.test;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka from the official images, for a machine with a Docker engine: the same versions the suite runs
 * against elsewhere (docker-compose.yml). Started once per test JVM; Testcontainers' Ryuk removes them afterwards.
 */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:16";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private Containers() {
    }

    record Postgres(String jdbcUrl, String user, String password) {
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    static Postgres postgres() {
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                .withDatabaseName("oppgavedeling").withUsername("postgres").withPassword("postgres");
        pg.start();
        return new Postgres(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
    }

    @SuppressWarnings("resource")
    static String kafka() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        kafka.start();
        return kafka.getBootstrapServers();
    }
}
