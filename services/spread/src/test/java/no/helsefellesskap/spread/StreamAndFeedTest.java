package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.SseClient;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.spread.delivery.domain.ItemAttributes;
import no.helsefellesskap.spread.delivery.domain.SubscriptionFilters;
import no.helsefellesskap.spread.delivery.SubscriptionMatcher;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class StreamAndFeedTest {

    static final String OWNER = "876543214";

    @TestHTTPResource("/")
    URL base;

    static String reader() {
        return TestTokens.bearer("842566142", "subscriber");
    }

    @Test
    void resumingWithLastEventIdLosesNothingAndRepeatsNothing() throws Exception {
        String p = WebhookDeliveryTest.partnership();
        List<String> received = new ArrayList<>();
        String last;
        List<UUID> pilots = new ArrayList<>();
        try (SseClient first = new SseClient(base + "api/stream/outcomes", reader(), null)) {
            assertEquals(200, first.status);
            for (int i = 0; i < 3; i++) {
                pilots.add(Events.pilot("Strøm " + i, OWNER, p, List.of(), List.of(), List.of(), List.of(), null));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ofPartnership(first.events, p).size() >= 3);
            ofPartnership(first.events, p).forEach(e -> received.add(e.id()));
            last = first.lastId();
        }
        // while disconnected, more happens
        for (UUID pilot : pilots) {
            Events.status(EventTypes.PILOT_STARTED, pilot, OWNER, "PLANNED", "RUNNING", LocalDate.now(), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", reader())
                .get("/api/pilots?partnership=" + p).then().extract().path("findAll { it.status == 'RUNNING' }.size()")
                .equals(3));
        try (SseClient resumed = new SseClient(base + "api/stream/outcomes", reader(), last)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ofPartnership(resumed.events, p).size() >= 3);
            Thread.sleep(1000);
            List<SseClient.Event> mine = ofPartnership(resumed.events, p);
            assertEquals(3, mine.size(), "exactly the three events missed: " + mine);
            assertTrue(mine.stream().allMatch(e -> e.name().equals(EventTypes.PILOT_STARTED.type())));
            mine.forEach(e -> received.add(e.id()));
            // ids rise and none is repeated
            assertEquals(received.size(), new HashSet<>(received).size());
            assertTrue(resumed.events.stream().allMatch(e -> Long.parseLong(e.id()) > Long.parseLong(last)));
        }
    }

    @Inject
    no.helsefellesskap.runtime.data.Db db;

    /** Found by users: probe records reached the public stream the dashboard reads; they come only when asked. */
    @Test
    void thePublicStreamLeavesSandboxItemsOutUnlessAsked() throws Exception {
        String p = WebhookDeliveryTest.partnership();
        String sandboxOrgnr = SubscriptionMatchingPropertyTest.orgnr(new java.util.Random());
        String code = "SANDBOX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new no.helsefellesskap.model.events.OrganisationChanged(
                code, "HF", "Lasttest", sandboxOrgnr, null, null, null, null, null, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("select 1 from organisation where code = ? and sandbox",
                rs -> 1, code).isPresent());
        try (SseClient plain = new SseClient(base + "api/stream/outcomes", reader(), null);
             SseClient all = new SseClient(base + "api/stream/outcomes?includeSandbox=true", reader(), null)) {
            Thread.sleep(500);
            Events.pilot("Lasttestpilot", sandboxOrgnr, p, List.of(), List.of(), List.of(), List.of(), null);
            Events.pilot("Ekte pilot", OWNER, p, List.of(), List.of(), List.of(), List.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> ofPartnership(all.events, p).size() >= 2
                    && ofPartnership(plain.events, p).size() >= 1);
            Thread.sleep(500);
            assertEquals(1, ofPartnership(plain.events, p).size(), "only the real pilot: " + plain.events);
            assertTrue(ofPartnership(plain.events, p).get(0).data().contains("Ekte pilot"));
            assertEquals(2, ofPartnership(all.events, p).size());
        }
    }

    @Test
    void aSubscriptionHasItsOwnStreamAndFeedsWithOnlyMatchingItems() throws Exception {
        String p = WebhookDeliveryTest.partnership();
        String id = evaluationsOf(p);
        try (SseClient stream = new SseClient(base + "api/subscriptions/" + id + "/events", reader(), "0")) {
            UUID pilot = Events.pilot("Apotekteknikere på medisinrom", OWNER, p, List.of(), List.of("SP"),
                    List.of("APOTEKTEKNIKER"), List.of(), null);
            Events.published(pilot, null, "SPREAD", List.of("CORE_TASK_TIME"), 0.4, 0.1);
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.size() >= 1);
            Thread.sleep(500);
            assertEquals(1, stream.events.size(), "the registration does not match the event-type filter");
            assertEquals(EventTypes.EVALUATION_PUBLISHED.type(), stream.events.get(0).name());
            assertTrue(PersonalDataGuard.findings(stream.events.get(0).data()).isEmpty());
        }
        String atom = given().header("Authorization", reader()).get("/api/subscriptions/" + id + "/feed.atom")
                .then().statusCode(200).contentType(startsWith("application/atom+xml")).extract().asString();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.w3.org/2005/Atom", doc.getDocumentElement().getNamespaceURI());
        NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertEquals(1, entries.getLength());
        assertTrue(entries.item(0).getTextContent().contains("Evaluering publisert: Apotekteknikere på medisinrom"));
        given().header("Authorization", reader()).get("/api/subscriptions/" + id + "/feed.json?lang=en")
                .then().statusCode(200)
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("items.size()", equalTo(1))
                .body("items[0].title", equalTo("Evaluation published: Apotekteknikere på medisinrom – recommendation SPREAD"))
                .body("items[0]._oppgavedeling.data.recommendation", equalTo("SPREAD"));
    }

    /**
     * Topics are consumed side by side, so an evaluation can arrive before its pilot. It waits for the pilot (within
     * spread.feed.context-wait) instead of entering the feed without the pilot's partnership, which no subscriber of
     * that partnership would then ever have received.
     */
    @Test
    void anEvaluationThatOvertakesItsPilotStillReachesThePartnershipsSubscribers() throws Exception {
        String p = WebhookDeliveryTest.partnership();
        String id = evaluationsOf(p);
        UUID pilot = UUID.randomUUID();
        Events.published(pilot, null, "SPREAD", List.of("CORE_TASK_TIME"), 0.4, 0.1);
        Thread.sleep(1500); // the evaluation is consumed first and waits
        Events.pilot(pilot, "Evaluert før den kom", OWNER, p, List.of(), List.of("SP"), List.of("APOTEKTEKNIKER"),
                List.of(), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", reader())
                .get("/api/subscriptions/" + id + "/feed.json").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0]._oppgavedeling.context.pilot.partnership", equalTo(p)));
    }

    /** A subscription to the partnership's published evaluations; its id. */
    private String evaluationsOf(String p) {
        return given().header("Authorization", reader()).contentType(ContentType.JSON)
                .body(Map.of("name", "Evalueringer i " + p, "filters", Map.of("partnerships", List.of(p),
                        "eventTypes", List.of(EventTypes.EVALUATION_PUBLISHED.type()))))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** Found by an outside test: one token could hold hundreds of streams. */
    @Test
    void oneCallerHoldsAtMostTenStreamsAndOthersAreNotAffected() throws Exception {
        String greedy = TestTokens.bearer("842566142", "subscriber");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                SseClient c = new SseClient(base + "api/stream/outcomes", greedy, null);
                open.add(c);
                assertEquals(200, c.status, "stream " + (i + 1));
            }
            given().header("Authorization", greedy).accept("text/event-stream").get("/api/stream/outcomes")
                    .then().statusCode(429).contentType("application/problem+json");
            try (SseClient other = new SseClient(base + "api/stream/outcomes", TestTokens.bearer("983971636", "subscriber"), null)) {
                assertEquals(200, other.status, "another caller is not affected");
            }
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (SseClient again = new SseClient(base + "api/stream/outcomes", greedy, null)) {
                    return again.status == 200;
                }
            });
        } finally {
            for (SseClient c : open) {
                c.close();
            }
        }
    }

    @Inject
    SubscriptionMatcher matcher;

    /**
     * A subscription deleted after an event's fan-out read it, and before its delivery row is written (simulated by a
     * matcher that returns the subscriptions as they were): the event is still applied and reaches the rest, rather
     * than failing on the delivery's foreign key and going to the dead letters.
     */
    @Test
    void aSubscriptionDeletedDuringTheFanOutIsSkippedAndTheEventStillApplied() {
        String p = WebhookDeliveryTest.partnership();
        Map<String, Object> body = Map.of("name", "Piloter i " + p, "filters", Map.of("partnerships", List.of(p)));
        String kept = given().header("Authorization", reader()).contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
        String deleted = given().header("Authorization", reader()).contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
        List<SubscriptionMatcher.Candidate> asRead = List.of(
                new SubscriptionMatcher.Candidate(UUID.fromString(kept), SubscriptionFilters.ANY, false),
                new SubscriptionMatcher.Candidate(UUID.fromString(deleted), SubscriptionFilters.ANY, false));
        QuarkusMock.installMockForType(new SubscriptionMatcher() {
            @Override
            public List<SubscriptionMatcher.Candidate> matching(ItemAttributes item) {
                return item.partnerships().contains(p) ? asRead : List.of();
            }
        }, SubscriptionMatcher.class);
        given().header("Authorization", reader()).delete("/api/subscriptions/" + deleted).then().statusCode(204);

        UUID pilot = Events.pilot("Portører tar blodprøver", OWNER, p, List.of(), List.of("SP"), List.of("PORTOR"),
                List.of(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", reader())
                .get("/api/pilots/" + pilot).statusCode() == 200);
        given().header("Authorization", reader()).get("/api/subscriptions/" + kept + "/feed.json").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    private static List<SseClient.Event> ofPartnership(List<SseClient.Event> events, String p) {
        return events.stream().filter(e -> e.data().contains("\"partnership\":\"" + p + "\"")
                || e.data().contains("\"partnership\": \"" + p + "\"")).toList();
    }
}
