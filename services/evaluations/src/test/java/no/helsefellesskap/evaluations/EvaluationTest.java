package no.helsefellesskap.evaluations;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class EvaluationTest {

    static final String AHUS = "983971636";

    @Test
    void aPilotEventMakesThePilotEvaluable() {
        UUID pilot = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_PILOTS, pilot.toString(),
                "{\"pilotId\":\"" + pilot + "\",\"title\":\"Apotekteknikere på medisinrom\",\"ownerOrgnr\":\"" + AHUS
                        + "\",\"status\":\"PLANNED\",\"taskIds\":[],\"fromGroups\":[],\"toGroups\":[],\"priorityGroups\":[],\"settings\":[],\"partnerOrgnrs\":[],\"registeredAt\":\"" + Instant.now() + "\"}",
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.PILOT_REGISTERED.type(), "ce_source", "/pilot-projects");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(AHUS)).when().get("/api/pilots/" + pilot)
                        .then().statusCode(200).body("title", equalTo("Apotekteknikere på medisinrom")));

        String evaluation = given().header("Authorization", TestTokens.bearer(AHUS, "evaluator"))
                .contentType(ContentType.JSON).body("{\"pilotId\":\"" + pilot + "\",\"design\":\"BEFORE_AFTER\"}")
                .when().post("/api/evaluations")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("evaluatorOrgnr", equalTo(AHUS))
                .extract().path("id");

        var records = TopicReader.read(EventTypes.TOPIC_EVALUATIONS, r -> evaluation.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals(EventTypes.EVALUATION_DRAFTED.type(), TopicReader.header(records.get(0), "ce_type"));
    }

    @Test
    void anUnknownPilotIs422NamingTheField() {
        given().header("Authorization", TestTokens.bearer(AHUS, "evaluator"))
                .contentType(ContentType.JSON).body("{\"pilotId\":\"" + UUID.randomUUID() + "\",\"design\":\"SURVEY\"}")
                .when().post("/api/evaluations")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("pilotId"));
    }

    @Test
    void anUnknownDesignIs400() {
        given().header("Authorization", TestTokens.bearer(AHUS, "evaluator"))
                .contentType(ContentType.JSON).body("{\"pilotId\":\"" + UUID.randomUUID() + "\",\"design\":\"GUESS\"}")
                .when().post("/api/evaluations")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("design"));
    }

    @Test
    void withoutTheEvaluatorRoleIs403() {
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body("{\"pilotId\":\"" + UUID.randomUUID() + "\",\"design\":\"SURVEY\"}")
                .when().post("/api/evaluations")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
