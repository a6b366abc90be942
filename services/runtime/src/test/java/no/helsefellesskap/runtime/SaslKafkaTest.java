package no.helsefellesskap.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.EmbeddedKafka;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.runtime.testapp.WidgetService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A managed Kafka cluster asks for SASL: every client the suite builds (the outbox relay's producer, the topic
 * bootstrap's admin client) and the connector's consumers must log in. This broker's client listener takes only
 * SASL/SCRAM; a client given the servers but not the login cannot publish, create topics or consume.
 */
@QuarkusTest
@TestProfile(SaslKafkaTest.Sasl.class)
class SaslKafkaTest {

    static final String PLAIN = "sasltest.plaintext";

    public static class Sasl implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SaslBroker.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** PostgreSQL from the suite's resource; a broker of its own with a SASL_PLAINTEXT listener and one SCRAM user. */
    public static class SaslBroker extends SuiteTestInfrastructure {
        @Override
        public synchronized Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            try {
                int[] ports = freePorts(3);
                int plain = ports[0];
                int sasl = ports[1];
                Map<String, String> broker = Map.of(
                        "listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl
                                + ",CONTROLLER://127.0.0.1:" + ports[2],
                        "advertised.listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl,
                        "listener.security.protocol.map",
                        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                        "sasl.enabled.mechanisms", "SCRAM-SHA-256",
                        "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
                EmbeddedKafka kafka = new EmbeddedKafka(Files.createTempDirectory("sasl-test-kafka"), plain, ports[2],
                        broker, List.of("--add-scram", "SCRAM-SHA-256=[name=suite,password=suite-secret]")).start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-sasl-kafka"));
                System.setProperty(PLAIN, "127.0.0.1:" + plain);
                config.put("kafka.bootstrap.servers", "127.0.0.1:" + sasl);
                config.put("kafka.security.protocol", "SASL_PLAINTEXT");
                config.put("kafka.sasl.mechanism", "SCRAM-SHA-256");
                config.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"suite\" password=\"suite-secret\";");
                return config;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Inject
    WidgetService widgets;

    @Inject
    EntityManager em;

    @Test
    void theRelayTheTopicBootstrapAndTheConsumersLogInWithTheConnectorsSettings() throws Exception {
        // the topic bootstrap created the catalogue's dead-letter topics, which nothing else writes to
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(PLAIN)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)
                    .containsAll(Set.of("adoptions.dlq", "organisations.dlq", "pilots")));
        }
        // the relay published the event over SASL and the consumer read it over SASL
        UUID id = widgets.create("over SASL " + UUID.randomUUID(), false);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from pilot_seen where pilot_id = ?1", id) == 1);
        assertTrue(count("select count(*) from outbox_event where aggregateid = ?1 and sent_at is not null", id.toString()) == 1,
                "marked sent after the broker's ack");
    }

    private long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, param)
                .getSingleResult()).longValue());
    }
}
