package no.helsefellesskap.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SaslTestInfrastructure;
import no.helsefellesskap.runtime.testapp.WidgetService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
@TestProfile(SaslTestInfrastructure.Profile.class)
class SaslKafkaTest {

    static final String PLAIN = SaslTestInfrastructure.PLAIN;

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
