package no.helsefellesskap.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.testapp.PilotConsumer;
import no.helsefellesskap.runtime.testapp.PilotSeen;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotent consumption and dead-lettering, through a real broker. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class InboxAndDeadLetterTest {

    // All records of one test share a key, so they land on one partition and are consumed in order.
    private final String key = UUID.randomUUID().toString();

    @Inject
    EntityManager em;

    @Test
    void aRedeliveredEventChangesStateOnce() {
        UUID pilot = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = pilotJson(pilot, "redelivered pilot");
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, data, headers(eventId));
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, data, headers(eventId)); // the same event again
        UUID marker = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, pilotJson(marker, "marker"), headers(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) != null);
        assertEquals(1, seen(pilot).deliveries, "the effect is applied once although the event came twice");
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodRecordIsProcessed() {
        String badId = UUID.randomUUID().toString();
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, "{ this is not json", headers(badId));
        String noHeadersValue = "{\"missing\":\"headers\",\"n\":\"" + UUID.randomUUID() + "\"}";
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, noHeadersValue);
        // a malformed CloudEvents time header: the connector's own CloudEvents reading failed the channel on it
        String badTimeId = UUID.randomUUID().toString();
        String[] badTime = headers(badTimeId);
        badTime[9] = "not a time";
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, pilotJson(UUID.randomUUID(), "bad time"), badTime);
        UUID good = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, pilotJson(good, "good pilot after poison"),
                headers(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(good) != null);
        assertEquals("good pilot after poison", seen(good).title);

        List<ConsumerRecord<String, String>> dead = TopicReader.read(EventTypes.PILOT_REGISTERED.deadLetterTopic(),
                r -> key.equals(r.key()), 3, Duration.ofSeconds(30));
        assertEquals(3, dead.size(), "every poison record dead-lettered");
        assertTrue(dead.stream().anyMatch(r -> badTimeId.equals(TopicReader.header(r, "ce_id"))));
        ConsumerRecord<String, String> malformed = dead.stream()
                .filter(r -> r.value().startsWith("{ this is not json")).findFirst().orElseThrow();
        String reason = TopicReader.header(malformed, "dead-letter-reason");
        assertNotNull(reason, "the failure reason travels with the record");
        assertTrue(reason.contains("does not match its contract"), reason);
        assertEquals(badId, TopicReader.header(malformed, "ce_id"), "original headers are kept");
        ConsumerRecord<String, String> headerless = dead.stream()
                .filter(r -> r.value().equals(noHeadersValue)).findFirst().orElseThrow();
        assertTrue(TopicReader.header(headerless, "dead-letter-reason").contains("ce_id"));
        // and the poison left no partial effect behind
        assertNull(countInbox(badId));
    }

    @Test
    void aGoodRecordMetWithTheDatabaseDownIsRetriedNotDeadLettered() {
        PilotConsumer.ATTEMPTS.set(0);
        PilotConsumer.FAILURES_LEFT.set(3);
        UUID pilot = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_PILOTS, key, pilotJson(pilot, "flaky " + pilot), headers(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(pilot) != null);
        assertEquals(4, PilotConsumer.ATTEMPTS.get(), "three transient failures, then applied");
        assertEquals(1, seen(pilot).deliveries, "applied once");
        UUID marker = UUID.randomUUID();
        TopicReader.write(EventTypes.PILOT_REGISTERED.deadLetterTopic(), marker.toString(), "marker");
        List<ConsumerRecord<String, String>> dead = TopicReader.read(EventTypes.PILOT_REGISTERED.deadLetterTopic(),
                r -> key.equals(r.key()) || marker.toString().equals(r.key()), 2, Duration.ofSeconds(10));
        assertEquals(List.of(marker.toString()), dead.stream().map(ConsumerRecord::key).toList(),
                "nothing of this test was dead-lettered");
    }

    private PilotSeen seen(UUID pilot) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(PilotSeen.class, pilot));
    }

    private Object countInbox(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id from inbox_event where event_id = ?1").setParameter(1, eventId)
                .getResultStream().findFirst().orElse(null));
    }

    private static String pilotJson(UUID id, String title) {
        return "{\"pilotId\":\"" + id + "\",\"title\":\"" + title + "\",\"ownerOrgnr\":\"983971636\","
                + "\"status\":\"PLANNED\",\"taskIds\":[],\"fromGroups\":[],\"toGroups\":[],\"priorityGroups\":[],\"settings\":[],\"partnerOrgnrs\":[],\"registeredAt\":\"" + Instant.now() + "\"}";
    }

    private static String[] headers(String eventId) {
        return new String[] {"ce_specversion", "1.0", "ce_id", eventId, "ce_type", EventTypes.PILOT_REGISTERED.type(),
                "ce_source", "/test", "ce_time", Instant.now().toString(), "content-type", "application/json"};
    }
}
