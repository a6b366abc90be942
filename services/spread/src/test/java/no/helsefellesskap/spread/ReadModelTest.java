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
}
