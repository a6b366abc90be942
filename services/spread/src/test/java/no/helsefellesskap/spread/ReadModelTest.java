package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class ReadModelTest {

    @Test
    void pilotAndEvaluationEventsBuildThePilotOutcomeInEitherOrder() {
        UUID pilot = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        // The evaluation arrives first: the topics are not ordered against each other.
        TopicReader.write(EventTypes.TOPIC_EVALUATIONS, evaluation.toString(),
                "{\"evaluationId\":\"" + evaluation + "\",\"pilotId\":\"" + pilot + "\",\"evaluatorOrgnr\":\"983971636\","
                        + "\"design\":\"QUALITATIVE\",\"draftedAt\":\"" + Instant.now() + "\"}",
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.EVALUATION_DRAFTED.type(), "ce_source", "/evaluations");
        TopicReader.write(EventTypes.TOPIC_PILOTS, pilot.toString(),
                "{\"pilotId\":\"" + pilot + "\",\"title\":\"Forsyningsportører\",\"ownerOrgnr\":\"983971636\","
                        + "\"status\":\"PLANNED\",\"taskIds\":[],\"fromGroups\":[],\"toGroups\":[],\"priorityGroups\":[],\"settings\":[],\"partnerOrgnrs\":[],\"registeredAt\":\"" + Instant.now() + "\","
                        + "\"contactMailbox\":\"oppgavedeling@ahus.no\"}",
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.PILOT_REGISTERED.type(), "ce_source", "/pilot-projects");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer("842566142", "subscriber"))
                        .when().get("/api/pilots/" + pilot)
                        .then().statusCode(200)
                        .body("title", equalTo("Forsyningsportører"))
                        .body("contactMailbox", equalTo("oppgavedeling@ahus.no"))
                        .body("evaluations", hasSize(1))
                        .body("evaluations[0].design", equalTo("QUALITATIVE")));
    }

    @Test
    void theFeedNeedsAToken() {
        given().when().get("/api/pilots").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void thePilotListComesInPagesWithTheTotalAndALinkToTheNextPage() {
        String partnership = "PAGES-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        java.util.List<UUID> pilots = java.util.List.of(
                Events.pilot("Side 1", DashboardData.HF, partnership, java.util.List.of(), java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), null),
                Events.pilot("Side 2", DashboardData.HF, partnership, java.util.List.of(), java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), null),
                Events.pilot("Side 3", DashboardData.HF, partnership, java.util.List.of(), java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), null));
        String reader = TestTokens.bearer("842566142", "subscriber");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", reader)
                .get("/api/pilots?partnership=" + partnership).then().statusCode(200).body("$", hasSize(3)));

        io.restassured.response.Response first = given().header("Authorization", reader)
                .get("/api/pilots?partnership=" + partnership + "&limit=2");
        first.then().statusCode(200).body("$", hasSize(2)).header("X-Total-Count", "3");
        String next = first.getHeader("Link");
        org.junit.jupiter.api.Assertions.assertTrue(next != null && next.contains("rel=\"next\"")
                && next.contains("offset=2") && next.contains("limit=2"), "next page link: " + next);
        String nextUrl = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        io.restassured.response.Response second = given().urlEncodingEnabled(false).header("Authorization", reader)
                .get(java.net.URI.create(nextUrl).getRawPath() + "?" + java.net.URI.create(nextUrl).getRawQuery());
        second.then().statusCode(200).body("$", hasSize(1)).header("X-Total-Count", "3");
        org.junit.jupiter.api.Assertions.assertNull(second.getHeader("Link"), "the last page has no next");
        java.util.List<String> seen = new java.util.ArrayList<>(first.jsonPath().getList("pilotId"));
        seen.addAll(second.jsonPath().getList("pilotId"));
        org.junit.jupiter.api.Assertions.assertEquals(pilots.stream().map(UUID::toString).sorted().toList(),
                seen.stream().sorted().toList(), "every pilot once over the pages");

        for (String bad : java.util.List.of("limit=0", "limit=1001", "limit=abc", "offset=-1")) {
            given().header("Authorization", reader).get("/api/pilots?" + bad).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
    }

    /**
     * A poll's records are applied in one transaction; a poison record among them (one that cannot be read, one that
     * would put personal data in the feed) must cost only itself: it goes to the dead letters, every other record of
     * the poll is applied once. The records are sent together (one producer batch, one key), so they arrive in one poll.
     */
    @Test
    void aPoisonRecordInAPollGoesToTheDeadLettersAndTheRestOfThePollIsApplied() throws Exception {
        String partnership = "POLL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String key = UUID.randomUUID().toString();
        java.util.List<UUID> good = new java.util.ArrayList<>();
        UUID personal = UUID.randomUUID();
        java.util.List<String> poisonIds = new java.util.ArrayList<>();
        java.util.Map<String, Object> cfg = java.util.Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                no.helsefellesskap.infra.test.TestInfra.kafkaBootstrapServers(),
                org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all",
                org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 200);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(cfg,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UUID id = i == 8 ? personal : UUID.randomUUID();
                String title = i == 8 ? "Pilot for 01017012345" : "Poll " + i;
                String ceId = UUID.randomUUID().toString();
                var r = new org.apache.kafka.clients.producer.ProducerRecord<>(EventTypes.TOPIC_PILOTS, key,
                        Events.JSON.writeValueAsString(new no.helsefellesskap.model.events.PilotRegistered(id, title,
                                DashboardData.HF, "PLANNED", Instant.now(), null, null, java.util.List.of(),
                                java.util.List.of(), java.util.List.of(), partnership, java.util.List.of(),
                                java.util.List.of(), java.util.List.of(), null, null, null)));
                java.util.Map<String, String> h = new java.util.LinkedHashMap<>(java.util.Map.of("ce_specversion", "1.0",
                        "ce_id", ceId, "ce_type", EventTypes.PILOT_REGISTERED.type(), "ce_source", "/pilot-projects",
                        "ce_time", i == 4 ? "not a time" : Instant.now().toString()));
                h.forEach((n, v) -> r.headers().add(n, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (i == 4 || i == 8) {
                    poisonIds.add(ceId);
                } else {
                    good.add(id);
                }
                sent.add(producer.send(r));
            }
            producer.flush();
            for (var f : sent) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        String reader = TestTokens.bearer("842566142", "subscriber");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", reader)
                .get("/api/pilots?partnership=" + partnership).then().statusCode(200).body("$", hasSize(10)));
        java.util.List<String> dead = TopicReader.read(EventTypes.TOPIC_PILOTS + ".dlq",
                r -> poisonIds.contains(TopicReader.header(r, "ce_id")), 2, Duration.ofSeconds(30))
                .stream().map(r -> TopicReader.header(r, "ce_id")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(poisonIds.stream().sorted().toList(), dead.stream().sorted().toList(),
                "each poison record once in the dead letters");
        given().header("Authorization", reader).get("/api/pilots/" + personal).then().statusCode(404);
        java.util.List<String> listed = given().header("Authorization", reader)
                .get("/api/pilots?partnership=" + partnership).jsonPath().getList("pilotId");
        org.junit.jupiter.api.Assertions.assertEquals(good.stream().map(UUID::toString).sorted().toList(),
                listed.stream().sorted().toList(), "every good record of the poll applied once");
    }
}
