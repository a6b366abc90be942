package no.helsefellesskap.runtime;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestInfra;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.testapp.WidgetService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import no.helsefellesskap.runtime.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The transactional outbox against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class OutboxTest {

    @Inject
    WidgetService widgets;

    @Inject
    EntityManager em;

    @Test
    void changeAndEventCommitTogetherAndReachKafkaAsACloudEvent() {
        String title = "committed " + UUID.randomUUID();
        Instant before = Instant.now();
        UUID id = widgets.create(title, false);

        assertEquals(1L, count("select count(*) from widget where id = '" + id + "'"));
        assertEquals(1L, count("select count(*) from outbox_event where aggregateid = '" + id + "'"));

        List<ConsumerRecord<String, String>> records = TopicReader.read(EventTypes.TOPIC_PILOTS,
                r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "exactly one record for the change");
        ConsumerRecord<String, String> r = records.get(0);
        assertEquals("1.0", TopicReader.header(r, "ce_specversion"));
        assertEquals(EventTypes.PILOT_REGISTERED.type(), TopicReader.header(r, "ce_type"));
        assertEquals("/pilot-projects", TopicReader.header(r, "ce_source"));
        assertEquals(id.toString(), TopicReader.header(r, "ce_subject"));
        assertEquals("application/json", TopicReader.header(r, "content-type"));
        assertNotNull(UUID.fromString(TopicReader.header(r, "ce_id")));
        Instant time = Instant.parse(TopicReader.header(r, "ce_time"));
        assertTrue(!time.isBefore(before.minusSeconds(1)), "ce_time is the change's time");
        assertTrue(r.value().contains(title), "payload carries the data");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("select count(*) from outbox_event where aggregateid = '" + id + "' and sent_at is not null") == 1L);
    }

    @Test
    void personalDataInAnEventIsTheCallersErrorNamingTheFieldAndNothingIsWritten() {
        String title = "Pasient 01017012345 " + UUID.randomUUID();
        ProblemException e = assertThrows(ProblemException.class, () -> widgets.create(title, false));
        assertEquals(422, e.problem().status());
        assertEquals("title", e.problem().errors().get(0).field());
        assertEquals(0L, count("select count(*) from widget where title = '" + title + "'"));
        assertEquals(0L, count("select count(*) from outbox_event where payload->>'title' = '" + title + "'"));
    }

    @Test
    void aForcedRollbackLeavesNeitherChangeNorEvent() {
        String title = "rolled back " + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> widgets.create(title, true));

        assertEquals(0L, count("select count(*) from widget where title = '" + title + "'"));
        assertEquals(0L, count("select count(*) from outbox_event where payload->>'title' = '" + title + "'"));
        // Nothing may reach Kafka either: publish a later event and check that only it arrives.
        UUID later = widgets.create("after rollback " + UUID.randomUUID(), false);
        List<ConsumerRecord<String, String>> seen = TopicReader.read(EventTypes.TOPIC_PILOTS,
                r -> r.value().contains(title) || later.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, seen.size());
        assertEquals(later.toString(), seen.get(0).key());
    }

    @Test
    void withTheBrokerDownWritesSucceedAndTheirEventsArePublishedOnceItIsBack() {
        assumeTrue(TestInfra.canControlKafka(), "needs the in-process broker");
        List<UUID> ids = new ArrayList<>();
        TestInfra.stopKafka();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(widgets.create("written while Kafka is down " + i, false));
            }
            for (UUID id : ids) {
                assertEquals(1L, count("select count(*) from widget where id = '" + id + "'"));
            }
            // The relay tries, fails and keeps the rows.
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String in = ids.stream().map(i -> "'" + i + "'").collect(Collectors.joining(","));
            assertEquals(3L, count("select count(*) from outbox_event where sent_at is null and aggregateid in (" + in + ")"));
        } finally {
            TestInfra.startKafka();
        }

        List<ConsumerRecord<String, String>> records = TopicReader.read(EventTypes.TOPIC_PILOTS,
                r -> ids.stream().anyMatch(id -> id.toString().equals(r.key())), 3, Duration.ofSeconds(60));
        Map<String, Long> perKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertEquals(3, perKey.size(), "every event published: " + perKey);
        perKey.forEach((k, n) -> assertEquals(1L, n, "published once: " + k));
        Map<String, Long> perEventId = records.stream()
                .collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"), Collectors.counting()));
        assertEquals(3, perEventId.size());
    }

    private long count(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

}
