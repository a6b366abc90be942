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
                        + "\"status\":\"PLANNED\",\"taskIds\":[],\"fromGroups\":[],\"toGroups\":[],\"priorityGroups\":[],\"settings\":[],\"partnerOrgnrs\":[],\"registeredAt\":\"" + Instant.now() + "\"}",
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.PILOT_REGISTERED.type(), "ce_source", "/pilot-projects");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer("974604167", "subscriber"))
                        .when().get("/api/pilots/" + pilot)
                        .then().statusCode(200)
                        .body("title", equalTo("Forsyningsportører"))
                        .body("evaluations", hasSize(1))
                        .body("evaluations[0].design", equalTo("QUALITATIVE")));
    }

    @Test
    void theFeedNeedsAToken() {
        given().when().get("/api/pilots").then().statusCode(401).contentType("application/problem+json");
    }
}
