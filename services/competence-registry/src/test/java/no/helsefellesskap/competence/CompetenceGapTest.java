package no.helsefellesskap.competence;

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
import static org.hamcrest.Matchers.hasSize;

/**
 * The real case of Oslo Economics 2024, case 7 (seeds/000 L3973-4618): pharmacy technicians from the hospital
 * pharmacy prepare IV drugs in SUS medicine rooms from pharmacist-approved mixing cards (L4092-4110, L4301-4317);
 * eight technicians are trained for all units as a buffer (L4015-4024). The organisation number is a test value.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class CompetenceGapTest {

    static final String TEST_ORG = "123456785"; // valid mod-11 test number, not a real organisation

    @Test
    void pharmacyTechniciansInMedicineRooms() {
        UUID model = UUID.randomUUID();
        String published = """
                {"modelId":"%s","version":1,"previousVersion":null,
                 "name":"Apotekteknikere tilbereder intravenøse legemidler på medisinrom","modelType":"TASK_TRANSFER",
                 "taskIds":["%s"],"fromGroups":["SP","SPESIALSYKEPLEIER"],"toGroups":["APOTEKTEKNIKER"],
                 "requiredCompetences":[
                   {"competence":"AUT_APOTEKTEKNIKER","personnelGroup":"APOTEKTEKNIKER","minimumHeadcount":8,"acceptsActualCompetence":false},
                   {"competence":"IV_TILBEREDNING_BLANDEKORT","personnelGroup":"APOTEKTEKNIKER","minimumHeadcount":8,"acceptsActualCompetence":false}],
                 "signOffScheme":"PHARMACIST_CHECKED_PREPARATION","evidenceLevel":"MEASURED_BEFORE_AFTER","lifecycle":"PROPOSED",
                 "publishedByOrgnr":"983971636","publishedAt":"%s"}""".formatted(model, UUID.randomUUID(), Instant.now());
        TopicReader.write(EventTypes.TOPIC_MODELS, model.toString(), published,
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", EventTypes.MODEL_PUBLISHED.type(),
                "ce_source", "/task-catalogue", "ce_time", Instant.now().toString());

        String registrar = TestTokens.bearer(TEST_ORG, "registrar");
        count(registrar, "Intensiv", "AUT_APOTEKTEKNIKER", 8, "2026-10-01");
        count(registrar, "Intensiv", "IV_TILBEREDNING_BLANDEKORT", 2, "2026-10-01");
        count(registrar, "Intensiv", "IV_TILBEREDNING_BLANDEKORT", 3, "2026-11-01"); // a later count replaces the earlier one

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer("983971636"))
                        .queryParam("modelId", model).queryParam("version", 1).queryParam("orgnr", TEST_ORG)
                        .get("/api/competence-gaps")
                        .then().statusCode(200)
                        .body("modelName", equalTo("Apotekteknikere tilbereder intravenøse legemidler på medisinrom"))
                        .body("met", hasSize(1))
                        .body("met[0].competence", equalTo("AUT_APOTEKTEKNIKER"))
                        .body("met[0].available", equalTo(8))
                        .body("gaps", hasSize(1))
                        .body("gaps[0].competence", equalTo("IV_TILBEREDNING_BLANDEKORT"))
                        .body("gaps[0].status", equalTo("SHORT"))
                        .body("gaps[0].required", equalTo(8))
                        .body("gaps[0].available", equalTo(3))
                        .body("gaps[0].shortfall", equalTo(5))
                        .body("gaps[0].latestCountedOn", equalTo("2026-11-01"))
                        .body("gaps[0].fromCounts", hasSize(1))
                        .body("gaps[0].closedBy[0].code", equalTo("PHARMACIST_CHECKED_PREPARATION"))
                        .body("gaps[0].closedBy[0].steps", equalTo(java.util.List.of("APPROVED_MIXING_CARD", "PHARMACIST_DOUBLE_CHECK"))));

        // an organisation with no counts lacks both
        given().header("Authorization", TestTokens.bearer("983971636"))
                .queryParam("modelId", model).queryParam("version", 1).queryParam("orgnr", "983971636")
                .get("/api/competence-gaps")
                .then().statusCode(200).body("gaps", hasSize(2)).body("gaps[0].status", equalTo("MISSING"))
                .body("met", hasSize(0));
    }

    @Test
    void unknownModelVersionIs404AndBadOrgnrIs400() {
        given().header("Authorization", TestTokens.bearer("983971636"))
                .queryParam("modelId", UUID.randomUUID()).queryParam("version", 1).queryParam("orgnr", TEST_ORG)
                .get("/api/competence-gaps").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("983971636"))
                .queryParam("modelId", UUID.randomUUID()).queryParam("version", 1).queryParam("orgnr", "123")
                .get("/api/competence-gaps").then().statusCode(400).contentType("application/problem+json");
    }

    private static void count(String token, String unit, String competence, int headcount, String date) {
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"organisationUnit\":\"" + unit + "\",\"personnelGroup\":\"APOTEKTEKNIKER\",\"competence\":\""
                        + competence + "\",\"headcount\":" + headcount + ",\"countedOn\":\"" + date + "\"}")
                .post("/api/competence-profiles").then().statusCode(201);
    }
}
