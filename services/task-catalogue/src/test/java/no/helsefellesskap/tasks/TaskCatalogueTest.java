package no.helsefellesskap.tasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class TaskCatalogueTest {

    static final String AHUS = "983971636";

    @Test
    void aTaskIsDescribedAndPublished() {
        String id = given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body("{\"title\":\"Blodprøvetaking\",\"performedByGroup\":\"SP\"}")
                .when().post("/api/tasks")
                .then().statusCode(201).body("performedByGroup", equalTo("SP")).extract().path("id");
        given().header("Authorization", TestTokens.bearer(AHUS)).when().get("/api/tasks/" + id)
                .then().statusCode(200).body("title", equalTo("Blodprøvetaking"));
        var records = TopicReader.read(EventTypes.TOPIC_TASKS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals(EventTypes.TASK_DESCRIBED.type(), TopicReader.header(records.get(0), "ce_type"));
    }

    @Test
    void anUnknownGroupIs422() {
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON).body("{\"title\":\"x\",\"performedByGroup\":\"ZZ\"}")
                .when().post("/api/tasks")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("performedByGroup"));
    }

    @Test
    void noTokenIs401() {
        given().contentType(ContentType.JSON).body("{\"title\":\"x\",\"performedByGroup\":\"SP\"}")
                .when().post("/api/tasks").then().statusCode(401).contentType("application/problem+json");
    }
}
