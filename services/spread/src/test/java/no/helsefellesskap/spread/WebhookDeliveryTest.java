package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.WebhookReceiver;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.spread.delivery.webhook.TargetPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class WebhookDeliveryTest {

    static final String SUBSCRIBER = "123456785";
    static final String OWNER_HF = "876543214";

    @Inject
    SuiteClock clock;

    @Inject
    Db db;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * The deliveries the dispatcher may claim are exactly the heads of the subscription's queues, recomputed here from
     * the rule: per ordering key the oldest pending delivery, and none while the subscription is paused or has no
     * webhook.
     */
    void assertReadyAreTheHeads(String subscription) {
        UUID id = UUID.fromString(subscription);
        boolean sending = db.one("select status = 'ACTIVE' and webhook_url is not null from subscription where id = ?",
                rs -> rs.getBoolean(1), id).orElse(false);
        record Row(long id, String key, long seq, String state, boolean ready) {
        }
        List<Row> rows = db.list("select id, ordering_key, item_seq, state, ready from delivery where subscription_id = ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5)), id);
        Set<Long> heads = new java.util.TreeSet<>();
        if (sending) {
            rows.stream().filter(r -> r.state().equals("PENDING"))
                    .collect(Collectors.groupingBy(Row::key, Collectors.minBy(java.util.Comparator.comparingLong(Row::seq))))
                    .values().forEach(r -> heads.add(r.orElseThrow().id()));
        }
        Set<Long> ready = rows.stream().filter(Row::ready).map(Row::id).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(heads, ready, "ready deliveries are the heads of the queues (sending: " + sending + ")");
    }

    /** A partnership of its own per test, so filters keep the tests apart. */
    static String partnership() {
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Events.partnership(code, "Testfellesskap " + code);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", admin())
                .get("/api/dashboard").then().extract().path("partnerships.code").toString().contains(code));
        return code;
    }

    static String admin() {
        return TestTokens.bearer(null, "programme-admin");
    }

    static String subscriber() {
        return TestTokens.bearer(SUBSCRIBER, "subscriber");
    }

    static Response subscribe(String partnership, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Utfall i " + partnership);
        body.put("filters", Map.of("partnerships", List.of(partnership)));
        body.put("webhookUrl", url);
        return given().header("Authorization", subscriber()).contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions").then().statusCode(201).extract().response();
    }

    @Test
    void signedDeliveriesVerifyWithTheReferenceLibraryArriveInOrderAndCanBeReplayed() throws Exception {
        String p = partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response s = subscribe(p, receiver.url());
            receiver.secret = s.path("secret");
            assertTrue(receiver.secret.startsWith("whsec_"));
            String id = s.path("id");

            UUID pilot = Events.pilot("Portører tar blodprøver", OWNER_HF, p, List.of("FRAIL_ELDERLY"), List.of("SP"),
                    List.of("PORTOR"), List.of(), null);
            Events.status(EventTypes.PILOT_STARTED, pilot, OWNER_HF, "PLANNED", "RUNNING", LocalDate.now(), null);
            Events.status(EventTypes.PILOT_COMPLETED, pilot, OWNER_HF, "RUNNING", "COMPLETED", LocalDate.now(), null);
            Events.published(pilot, null, "SPREAD", List.of("CORE_TASK_TIME"), 1.0, 0.5);
            // not for this subscriber: another partnership
            Events.pilot("Annen utprøving", OWNER_HF, partnership(), List.of(), List.of(), List.of(), List.of(), null);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 4);
            Thread.sleep(500);
            List<WebhookReceiver.Request> got = receiver.accepted();
            assertEquals(4, got.size(), "exactly the four matching events: " + got);
            assertTrue(got.stream().allMatch(WebhookReceiver.Request::verified), "signatures verify with the library");
            // the pilot's own events keep their order; the evaluation comes from another topic, so it is
            // delivered in the order spread received it (here: any place after the registration)
            List<String> types = got.stream().map(WebhookReceiver.Request::type).toList();
            assertEquals(List.of(EventTypes.PILOT_REGISTERED.type(), EventTypes.PILOT_STARTED.type(),
                    EventTypes.PILOT_COMPLETED.type()), types.stream()
                    .filter(t -> !t.equals(EventTypes.EVALUATION_PUBLISHED.type())).toList(), "in the pilot's order");
            assertTrue(types.contains(EventTypes.EVALUATION_PUBLISHED.type()));
            assertEquals(4, got.stream().map(WebhookReceiver.Request::webhookId).distinct().count());
            assertTrue(got.stream().allMatch(r -> "Portører tar blodprøver".equals(
                    r.json().path("context").path("pilot").path("title").asText())), "each carries the pilot's context");

            // the reference verifier is strict: a changed body or another secret fails
            Map<String, List<String>> headers = Map.of("webhook-id", List.of(got.get(0).webhookId()),
                    "webhook-timestamp", List.of(got.get(0).timestamp()),
                    "webhook-signature", List.of(got.get(0).signature()));
            assertTrue(WebhookReceiver.verify(receiver.secret, got.get(0).body(), headers));
            assertFalse(WebhookReceiver.verify(receiver.secret, got.get(0).body().replace("Portører", "Portorer"), headers));
            assertFalse(WebhookReceiver.verify(no.helsefellesskap.spread.delivery.webhook.WebhookSigner.newSecret(),
                    got.get(0).body(), headers));

            // the delivery log shows each attempt with status and latency
            given().header("Authorization", subscriber()).get("/api/subscriptions/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("size()", equalTo(4))
                    .body("state", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
                    .body("[0].log[0].statusCode", equalTo(200))
                    .body("[0].log[0].latencyMs", org.hamcrest.Matchers.greaterThanOrEqualTo(0));

            // manual replay from a point in time: the same four again, under their original webhook-ids
            given().header("Authorization", subscriber()).contentType(ContentType.JSON)
                    .body(Map.of("since", Instant.now().minus(Duration.ofHours(1)).toString()))
                    .post("/api/subscriptions/" + id + "/replay").then().statusCode(200).body("requeued", equalTo(4));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 8);
            List<String> again = receiver.accepted().subList(4, 8).stream().map(WebhookReceiver.Request::webhookId).toList();
            assertEquals(got.stream().map(WebhookReceiver.Request::webhookId).toList(), again);
        }
    }

    /**
     * The webhook request carries the trace of the event it delivers (W3C traceparent, from the record's
     * ce_traceparent), so one trace runs from the request that caused an event to each delivery; the delivery of an
     * event without one is a trace of its own.
     */
    @Test
    void aDeliveryContinuesTheTraceOfTheEventItCarries() throws Exception {
        String p = partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.secret = subscribe(p, receiver.url()).path("secret");
            String traceId = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                    .putLong(System.nanoTime() | 1).putLong(UUID.randomUUID().getMostSignificantBits()).array());
            Events.traced("00-" + traceId + "-00f067aa0ba902b7-01", () -> Events.pilot("Sporet utprøving", OWNER_HF, p,
                    List.of(), List.of("SP"), List.of("PORTOR"), List.of(), null));
            Events.pilot("Uten sporing", OWNER_HF, p, List.of(), List.of("SP"), List.of("PORTOR"), List.of(), null);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 2);
            Map<String, String> traceOf = new HashMap<>();
            receiver.accepted().forEach(r -> traceOf.put(r.json().path("context").path("pilot").path("title").asText(),
                    String.valueOf(r.traceparent())));
            assertTrue(traceOf.get("Sporet utprøving").matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"),
                    "the event's trace continues: " + traceOf);
            assertFalse(traceOf.get("Uten sporing").contains(traceId), "an untraced event's delivery starts its own");
        }
    }

    @Test
    void aReceiverThatWasDownGetsEveryEventAfterwardsAndRepeatsKeepTheirWebhookId() throws Exception {
        String p = partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status = 503;
            Response s = subscribe(p, receiver.url());
            receiver.secret = s.path("secret");
            String id = s.path("id");
            List<UUID> pilots = List.of(
                    Events.pilot("Utprøving A", OWNER_HF, p, List.of(), List.of(), List.of(), List.of(), null),
                    Events.pilot("Utprøving B", OWNER_HF, p, List.of(), List.of(), List.of(), List.of(), null));
            Set<String> published = new LinkedHashSet<>();
            for (UUID pilot : pilots) {
                Events.status(EventTypes.PILOT_STARTED, pilot, OWNER_HF, "PLANNED", "RUNNING", LocalDate.now(), null);
                Events.status(EventTypes.PILOT_COMPLETED, pilot, OWNER_HF, "RUNNING", "COMPLETED", LocalDate.now(), null);
            }
            // down: several failed attempts are logged with their status code
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() >= 6);
            given().header("Authorization", subscriber()).get("/api/subscriptions/" + id + "/deliveries")
                    .then().body("log.flatten().statusCode", hasItem(503))
                    .body("state", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
            assertReadyAreTheHeads(id); // one per pilot: its registration
            receiver.status = 200;
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 6);
            Thread.sleep(1500);
            List<WebhookReceiver.Request> accepted = receiver.accepted();
            assertEquals(6, accepted.size(), "each event accepted once: " + accepted.size());
            accepted.forEach(r -> published.add(r.eventId()));
            assertEquals(6, published.size(), "no event lost");
            // a repeat carries the webhook-id of the first attempt of the same event
            Map<String, Set<String>> idsPerEvent = receiver.requests().stream().collect(Collectors.groupingBy(
                    WebhookReceiver.Request::eventId, Collectors.mapping(WebhookReceiver.Request::webhookId,
                            Collectors.toSet())));
            idsPerEvent.forEach((event, ids) -> assertEquals(1, ids.size(), event + " kept one webhook-id: " + ids));
            assertTrue(receiver.requests().size() > 6, "there were repeats");
            assertReadyAreTheHeads(id); // none: all delivered
            // per pilot, in order
            for (UUID pilot : pilots) {
                List<String> types = accepted.stream()
                        .filter(r -> r.json().path("data").path("pilotId").asText().equals(pilot.toString()))
                        .map(WebhookReceiver.Request::type).toList();
                assertEquals(List.of(EventTypes.PILOT_REGISTERED.type(), EventTypes.PILOT_STARTED.type(),
                        EventTypes.PILOT_COMPLETED.type()), types);
            }
            given().header("Authorization", subscriber()).get("/api/subscriptions/" + id)
                    .then().body("status", equalTo("ACTIVE"));
        }
    }

    @Test
    void anUnacknowledgedDeliveryIsRetriedUnderTheSameWebhookId() throws Exception {
        String p = partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.stallFirstMillis = 4000; // longer than the sender's request timeout in tests (3 s)
            Response s = subscribe(p, receiver.url());
            receiver.secret = s.path("secret");
            Events.pilot("Utprøving som tar tid", OWNER_HF, p, List.of(), List.of(), List.of(), List.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 1
                    && receiver.requests().size() >= 2);
            List<WebhookReceiver.Request> all = receiver.requests();
            assertTrue(all.size() >= 2, "the stalled attempt and the retry: " + all);
            assertEquals(1, all.stream().map(WebhookReceiver.Request::webhookId).distinct().count());
            assertEquals(1, all.stream().map(WebhookReceiver.Request::body).distinct().count());
        }
    }

    @Test
    void aSubscriptionFailingForADayIsPausedItsOwnerSeesWhyAndResumingDeliversEverything() throws Exception {
        String p = partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status = 500;
            Response s = subscribe(p, receiver.url());
            receiver.secret = s.path("secret");
            String id = s.path("id");
            List<UUID> pilots = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pilots.add(Events.pilot("Utprøving mot en nede mottaker " + i, OWNER_HF, p, List.of(), List.of(), List.of(),
                        List.of(), null));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requests().isEmpty());
            // a day passes (controllable clock): the next failure pauses the subscription
            clock.use(Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", subscriber()).get("/api/subscriptions/" + id)
                            .then().body("status", equalTo("PAUSED"))
                            .body("pausedReason", containsString("No delivery has succeeded"))
                            .body("pausedReason", containsString("last error")));
            assertReadyAreTheHeads(id); // none while paused
            int attemptsWhilePaused = receiver.requests().size();
            Thread.sleep(1500);
            assertEquals(attemptsWhilePaused, receiver.requests().size(), "a paused subscription gets nothing");
            clock.reset();
            receiver.status = 204;
            given().header("Authorization", subscriber()).post("/api/subscriptions/" + id + "/resume")
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 3);
            Thread.sleep(1500);
            // the same counts the bench harness prints for its survival runs (BENCHMARKS.md quotes this line)
            List<WebhookReceiver.Request> accepted = receiver.accepted();
            long delivered = accepted.stream().map(WebhookReceiver.Request::eventId).distinct().count();
            long duplicated = accepted.size() - delivered;
            long consumed = pilots.stream().filter(x -> given().header("Authorization", subscriber())
                    .get("/api/pilots/" + x).statusCode() == 200).count();
            System.out.printf("[survival] receiver down 25 h (controllable clock, paused, resumed): written=%d published=%d"
                    + " consumed=%d delivered=%d lost=%d duplicated=%d%n", pilots.size(), pilots.size(), consumed, delivered,
                    pilots.size() - delivered, duplicated);
            assertReadyAreTheHeads(id);
            assertEquals(3, delivered, "no event lost");
            assertEquals(0, duplicated, "none delivered twice");
            assertEquals(3, consumed);
        }
    }

    @Test
    void duringASecretRotationEachDeliveryIsSignedWithTheOldAndTheNewSecret() throws Exception {
        String p = partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response s = subscribe(p, receiver.url());
            String old = s.path("secret");
            String id = s.path("id");
            Response rotated = given().header("Authorization", subscriber()).post("/api/subscriptions/" + id + "/secret")
                    .then().statusCode(200).extract().response();
            String fresh = rotated.path("secret");
            assertNotNull(rotated.path("previousSecretsValidUntil"));
            receiver.secret = fresh;
            Events.pilot("Utprøving under rotasjon", OWNER_HF, p, List.of(), List.of(), List.of(), List.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            WebhookReceiver.Request r = receiver.accepted().get(0);
            assertEquals(2, r.signature().split(" ").length, r.signature());
            Map<String, List<String>> headers = Map.of("webhook-id", List.of(r.webhookId()),
                    "webhook-timestamp", List.of(r.timestamp()), "webhook-signature", List.of(r.signature()));
            assertTrue(WebhookReceiver.verify(old, r.body(), headers), "the old secret still verifies");
            assertTrue(WebhookReceiver.verify(fresh, r.body(), headers), "the new secret verifies");
        }
    }

    @Test
    void webhookTargetsAreChecked() {
        for (String url : List.of("ftp://example.org/hook", "https://user:secret@example.org/hook", "not a url")) {
            given().header("Authorization", subscriber()).contentType(ContentType.JSON)
                    .body(Map.of("name", "x", "webhookUrl", url)).post("/api/subscriptions")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("webhookUrl"));
        }
        TargetPolicy deployed = new TargetPolicy(false, false);
        for (String url : List.of("https://127.0.0.1/hook", "https://10.0.0.7/hook", "https://192.168.1.1/hook",
                "https://169.254.169.254/latest", "https://[::1]/hook", "https://localhost/hook", "http://example.org/")) {
            assertTrue(deployed.refusal(url).isPresent(), url + " is refused when deployed");
        }
        assertTrue(new TargetPolicy(true, true).refusal("http://127.0.0.1:8099/hook").isEmpty(), "allowed locally");
    }
}
