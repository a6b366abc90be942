package no.helsefellesskap.pilots;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class PilotResourceTest {

    static final String AHUS = "983971636";

    @Test
    void aRegistrarRegistersAPilotAndItsEventIsPublished() {
        String id = given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Portører tar blodprøver\",\"ownerOrgnr\":\"" + AHUS + "\"}")
                .when().post("/api/pilots")
                .then().statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("ownerOrgnr", equalTo(AHUS))
                .extract().path("id");

        given().header("Authorization", TestTokens.bearer("974604167"))
                .when().get("/api/pilots/" + id)
                .then().statusCode(200).body("title", equalTo("Portører tar blodprøver"));

        List<ConsumerRecord<String, String>> records = TopicReader.read(EventTypes.TOPIC_PILOTS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals(EventTypes.PILOT_REGISTERED.type(), TopicReader.header(records.get(0), "ce_type"));
        assertEquals(AHUS, JsonPath.from(records.get(0).value()).getString("ownerOrgnr"));
        assertEquals(id, JsonPath.from(records.get(0).value()).getString("pilotId"));
    }

    @Test
    void anInvalidOrganisationNumberIsRejectedNamingTheField() {
        given().header("Authorization", TestTokens.bearer(AHUS, "registrar"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"ownerOrgnr\":\"983971637\"}")
                .when().post("/api/pilots")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("ownerOrgnr"));
    }

    @Test
    void anotherOrganisationCannotRegisterInAhusName() {
        given().header("Authorization", TestTokens.bearer("974604167", "registrar"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"ownerOrgnr\":\"" + AHUS + "\"}")
                .when().post("/api/pilots")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void readingNeedsAToken() {
        given().when().get("/api/pilots").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnknownPilotIs404() {
        given().header("Authorization", TestTokens.bearer(AHUS))
                .when().get("/api/pilots/3f1e2d4c-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
