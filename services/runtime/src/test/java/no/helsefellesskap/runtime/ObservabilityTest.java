package no.helsefellesskap.runtime;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces (exported to memory; the SDK is on in these tests only) and the suite's metrics on /q/metrics: a request's
 * trace continues into its outbox row and onto its Kafka record as {@code ce_traceparent}, and a consumer continues
 * the trace a record carries.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class ObservabilityTest {

    static final String AHUS = "983971636";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager em;

    @Test
    void aRequestsTraceReachesItsOutboxRowAndItsKafkaRecord() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String id = given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON).body("{\"title\":\"traced\",\"ownerOrgnr\":\"" + AHUS + "\"}")
                .post("/api/widgets").then().statusCode(201).extract().path("id");

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select traceparent from outbox_event where aggregateid = ?1").setParameter(1, id).getSingleResult());
        String[] parts = stored.split("-");
        assertEquals(traceId, parts[1], "the outbox row continues the caller's trace");
        assertNotEquals(callerSpan, parts[2], "under the service's own server span");

        ConsumerRecord<String, String> record = TopicReader.read(EventTypes.TOPIC_PILOTS, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals(stored, TopicReader.header(record, "ce_traceparent"), "the CloudEvents tracing extension");

        await().atMost(Duration.ofSeconds(10)).until(() -> span(traceId, SpanKind.SERVER).isPresent());
        SpanData server = span(traceId, SpanKind.SERVER).orElseThrow();
        assertEquals(callerSpan, server.getParentSpanId());
        assertEquals(parts[2], server.getSpanId(), "the row names the request's span");
    }

    @Test
    void aConsumerContinuesTheTraceOfTheRecordItHandlesAndCountsIt() {
        String traceId = hex(16);
        String producerSpan = hex(8);
        UUID pilot = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_PILOTS, pilot.toString(), pilotJson(pilot),
                headers(UUID.randomUUID().toString(), "00-" + traceId + "-" + producerSpan + "-01"));

        await().atMost(Duration.ofSeconds(30)).until(() -> span(traceId, SpanKind.CONSUMER).isPresent());
        SpanData consumer = span(traceId, SpanKind.CONSUMER).orElseThrow();
        assertEquals(producerSpan, consumer.getParentSpanId());
        assertTrue(consumer.getName().contains(EventTypes.PILOT_REGISTERED.type()), consumer.getName());

        // a malformed trace context is dropped, not an error: the event is still handled, in a trace of its own
        UUID other = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_PILOTS, other.toString(), pilotJson(other),
                headers(UUID.randomUUID().toString(), "00-not-a-trace-context"));
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(other));

        given().header("Authorization", TestTokens.bearer(AHUS, "registrar")).queryParam("ownerOrgnr", AHUS)
                .get("/api/widgets").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag_max{"), "consumer lag");
        assertTrue(metrics.matches("(?s).*suite_events_consumed_total\\{channel=\"pilots\"[^}]*} [1-9].*"), metrics);
        assertTrue(metrics.contains("suite_outbox_unsent "), "outbox backlog gauge");
        assertTrue(metrics.contains("suite_outbox_oldest_unsent_age_seconds "), "outbox age gauge");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP metrics");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void aDeadLetteredRecordIsCounted() {
        TopicReader.write(EventTypes.TOPIC_PILOTS, UUID.randomUUID().toString(), "{ not json",
                headers(UUID.randomUUID().toString(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/metrics").then().extract().asString()
                .matches("(?s).*suite_events_dead_lettered_total\\{channel=\"pilots\"[^}]*} [1-9].*"));
    }

    private boolean seen(UUID pilot) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from pilot_seen where pilot_id = ?1").setParameter(1, pilot)
                .getSingleResult()).toString().equals("1");
    }

    private Optional<SpanData> span(String traceId, SpanKind kind) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (invalid)
        return HexFormat.of().formatHex(b);
    }

    private static String pilotJson(UUID id) {
        return "{\"pilotId\":\"" + id + "\",\"title\":\"traced pilot\",\"ownerOrgnr\":\"983971636\","
                + "\"status\":\"PLANNED\",\"taskIds\":[],\"fromGroups\":[],\"toGroups\":[],\"priorityGroups\":[],"
                + "\"settings\":[],\"partnerOrgnrs\":[],\"registeredAt\":\"" + Instant.now() + "\"}";
    }

    private static String[] headers(String eventId, String traceparent) {
        String[] base = {"ce_specversion", "1.0", "ce_id", eventId, "ce_type", EventTypes.PILOT_REGISTERED.type(),
                "ce_source", "/test", "ce_time", Instant.now().toString(), "content-type", "application/json"};
        if (traceparent == null) {
            return base;
        }
        String[] all = java.util.Arrays.copyOf(base, base.length + 2);
        all[base.length] = "ce_traceparent";
        all[base.length + 1] = traceparent;
        return all;
    }
}
