package no.helsefellesskap.competence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class CompetenceRegistryTest {

    static final String LORENSKOG = "842566142";

    @Test
    void personnelGroupsComeFromTheCodeList() {
        given().header("Authorization", TestTokens.bearer(LORENSKOG))
                .when().get("/api/personnel-groups/SP")
                .then().statusCode(200).body("nameNb", equalTo("sykepleier")).body("hprCategory", equalTo("SP"));
        given().header("Authorization", TestTokens.bearer(LORENSKOG))
                .when().get("/api/personnel-groups")
                .then().statusCode(200).body("groups.code", hasItem("PORTOR"));
    }

    @Test
    void anAggregateCountIsRecordedForTheCallersOrganisationAndPublishedWithoutPersonalData() {
        String unit = "Sykehjem " + UUID.randomUUID();
        String id = given().header("Authorization", TestTokens.bearer(LORENSKOG, "registrar"))
                .contentType(ContentType.JSON)
                .body("{\"organisationUnit\":\"" + unit + "\",\"personnelGroup\":\"HF\",\"competence\":\"BLODPROVETAKING\","
                        + "\"headcount\":7,\"countedOn\":\"2026-11-01\"}")
                .when().post("/api/competence-profiles")
                .then().statusCode(201).body("orgnr", equalTo(LORENSKOG)).body("headcount", equalTo(7))
                .extract().path("id");

        var records = TopicReader.read(EventTypes.TOPIC_COMPETENCE_PROFILES, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        JsonPath data = JsonPath.from(records.get(0).value());
        assertEquals(7, data.getInt("headcount"));
        String raw = records.get(0).value().toLowerCase();
        for (String personal : new String[] {"\"name\"", "hpr", "fodselsnummer", "nationalid", "ssn"}) {
            assertFalse(raw.contains(personal), "no personal field in the event: " + personal);
        }
    }

    @Test
    void anUnknownPersonnelGroupIs422AndNothingIsStored() {
        given().header("Authorization", TestTokens.bearer(LORENSKOG, "registrar"))
                .contentType(ContentType.JSON)
                .body("{\"organisationUnit\":\"Hjemmetjenesten\",\"personnelGroup\":\"WIZARD\",\"competence\":\"BLODPROVETAKING\","
                        + "\"headcount\":1,\"countedOn\":\"2026-11-01\"}")
                .when().post("/api/competence-profiles")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("personnelGroup"));
        given().header("Authorization", TestTokens.bearer(LORENSKOG))
                .when().get("/api/competence-profiles?orgnr=" + LORENSKOG)
                .then().statusCode(200).body("personnelGroup", org.hamcrest.Matchers.not(hasItem("WIZARD")));
    }

    @Test
    void aNegativeHeadcountIs400() {
        given().header("Authorization", TestTokens.bearer(LORENSKOG, "registrar"))
                .contentType(ContentType.JSON)
                .body("{\"organisationUnit\":\"U\",\"personnelGroup\":\"HF\",\"competence\":\"BLODPROVETAKING\",\"headcount\":-1,\"countedOn\":\"2026-11-01\"}")
                .when().post("/api/competence-profiles")
                .then().statusCode(400).body("errors.field", hasItem("headcount"));
    }

    /** A count a report gives for a year is stored as the year's first day and shown as the year, never as 1 January. */
    @Test
    void aCountDatedToTheYearSaysSo() {
        String unit = "Kreftklinikken " + java.util.UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(LORENSKOG, "registrar")).contentType(ContentType.JSON)
                .body("{\"organisationUnit\":\"" + unit + "\",\"personnelGroup\":\"HELSESEKRETAER\",\"competence\":"
                        + "\"AUT_HELSESEKRETAER\",\"headcount\":8,\"countedOn\":\"2024-06-30\",\"countedOnPrecision\":\"YEAR\"}")
                .when().post("/api/competence-profiles")
                .then().statusCode(201).body("countedOn", org.hamcrest.Matchers.equalTo("2024-01-01"))
                .body("countedOnPrecision", org.hamcrest.Matchers.equalTo("YEAR"))
                .body("countedOnShown", org.hamcrest.Matchers.equalTo("2024"));
        given().header("Authorization", TestTokens.bearer(LORENSKOG, "registrar")).contentType(ContentType.JSON)
                .body("{\"organisationUnit\":\"" + unit + "\",\"personnelGroup\":\"HELSESEKRETAER\",\"competence\":"
                        + "\"AUT_HELSESEKRETAER\",\"headcount\":8,\"countedOn\":\"2024-06-30\",\"countedOnPrecision\":\"WEEK\"}")
                .when().post("/api/competence-profiles")
                .then().statusCode(422).body("errors.field", hasItem("countedOnPrecision"));
    }
}
