package no.helsefellesskap.tasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static no.helsefellesskap.tasks.Api.AHUS;
import static no.helsefellesskap.tasks.Api.OTHER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class TaskRulesTest {

    @Test
    void aTaskIsRegisteredAndItsEventCarriesCloudEventsHeaders() {
        String id = Api.bloodSampling();
        Api.get("/api/tasks/" + id).statusCode(200).body("category", equalTo("CLINICAL_PROCEDURE"))
                .body("requiresFormalHealthCompetence", equalTo("NOT_ASSESSED")).body("reservation", nullValue());
        var r = TopicReader.read(EventTypes.TOPIC_TASKS, x -> id.equals(x.key()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals(EventTypes.TASK_REGISTERED.type(), TopicReader.header(r, "ce_type"));
        assertEquals("/task-catalogue", TopicReader.header(r, "ce_source"));
        assertEquals(id, TopicReader.header(r, "ce_subject"));
        assertEquals("1.0", TopicReader.header(r, "ce_specversion"));
    }

    @Test
    void unknownCodesAreRejectedNamingEachFieldAndNothingIsStored() {
        long before = Api.get("/api/tasks").extract().jsonPath().getList("$").size();
        Api.post("/api/tasks", """
                {"nameNb":"x","category":"SPACEWALK","settings":["MOON_BASE"],"currentPerformerGroups":["SP","WIZARD"]}""")
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("category", "settings[0]", "currentPerformerGroups[1]"));
        assertEquals(before, Api.get("/api/tasks").extract().jsonPath().getList("$").size());
        Api.post("/api/tasks", "{\"category\":\"BASIC_CARE\",\"currentPerformerGroups\":[]}")
                .statusCode(400).body("errors.field", hasItems("nameNb", "currentPerformerGroups"));
    }

    @Test
    void aClinicalProcedureCandidateNeedsTrainingAndSupervision() {
        String id = Api.bloodSampling();
        Api.put("/api/tasks/" + id + "/assessment", """
                {"requiresFormalHealthCompetence":"PARTLY","candidateGroups":[{"group":"PORTOR","conditions":["TRAINING"]}]}""", AHUS)
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("candidateGroups[0].conditions"));
        Api.get("/api/tasks/" + id).body("candidateGroups", hasSize(0)); // rejected: nothing changed

        Api.put("/api/tasks/" + id + "/assessment", """
                {"volume":{"amount":40,"unit":"PER_DAY","method":"informant estimate"},
                 "responsibilities":"Prøvetaker har ansvar for identitetskontroll og merking",
                 "requiresFormalHealthCompetence":"PARTLY",
                 "requiredCompetences":[{"competence":"BLODPROVETAKING","acceptsActualCompetence":false}],
                 "candidateGroups":[{"group":"PORTOR","conditions":["TRAINING","SUPERVISION","FOLLOW_UP"]}],
                 "sharingDirections":["VERTICAL_DOWN"]}""", AHUS)
                .statusCode(200).body("candidateGroups[0].group", equalTo("PORTOR"))
                .body("requiredCompetences[0].competence", equalTo("BLODPROVETAKING"));
        var r = TopicReader.read(EventTypes.TOPIC_TASKS,
                x -> id.equals(x.key()) && EventTypes.TASK_ASSESSED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(1, r.size());
        assertEquals("PARTLY", JsonPath.from(r.get(0).value()).getString("requiresFormalHealthCompetence"));
    }

    @Test
    void unknownCompetenceAndGroupInAnAssessmentAreRejected() {
        String id = Api.bloodSampling();
        Api.put("/api/tasks/" + id + "/assessment", """
                {"requiresFormalHealthCompetence":"MAYBE","requiredCompetences":[{"competence":"JUGGLING"}],
                 "candidateGroups":[{"group":"WIZARD","conditions":["TRAINING","SUPERVISION"]}]}""", AHUS)
                .statusCode(422).body("errors.field", hasItems("requiresFormalHealthCompetence",
                        "requiredCompetences[0].competence", "candidateGroups[0].group"));
    }

    @Test
    void aReservedTaskNeedsAForsvarlighetJustificationAndIsFlagged() {
        String id = Api.undifferentiatedSymptoms();
        Api.get("/api/tasks/" + id).body("reservation.reservedFor", equalTo(java.util.List.of("LE")))
                .body("reservation.source", equalTo("NOU 2023:4 L9960-9964"));
        Api.put("/api/tasks/" + id + "/assessment", """
                {"requiresFormalHealthCompetence":"YES","candidateGroups":[{"group":"SP","conditions":["TRAINING"]}]}""", AHUS)
                .statusCode(422).body("errors.field", hasItem("candidateGroups[0].forsvarlighetJustification"));
        Api.put("/api/tasks/" + id + "/assessment", """
                {"requiresFormalHealthCompetence":"YES","candidateGroups":[{"group":"SP","conditions":["TRAINING","SUPERVISION"],
                 "forsvarlighetJustification":"Kun etter triage med legebakvakt; lege vurderer alle nye symptomer samme dag"}]}""", AHUS)
                .statusCode(200);
        var flagged = TopicReader.read(EventTypes.TOPIC_TASKS, x -> id.equals(x.key())
                && EventTypes.TASK_RESERVATION_FLAGGED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(1, flagged.size());
        assertEquals("SP", JsonPath.from(flagged.get(0).value()).getString("proposedGroup"));
        assertEquals("/task-catalogue", TopicReader.header(flagged.get(0), "ce_source"));
    }

    @Test
    void aReservedTaskNeedsAReason() {
        Api.post("/api/tasks", """
                {"nameNb":"Henvisning til spesialisthelsetjenesten","category":"COORDINATION","currentPerformerGroups":["LE"],
                 "reservedFor":["LE"]}""").statusCode(422).body("errors.field", hasItem("reservationReason"));
    }

    @Test
    void onlyTheOwnerAssessesAndATokenIsNeeded() {
        String id = Api.bloodSampling();
        Api.put("/api/tasks/" + id + "/assessment", "{\"requiresFormalHealthCompetence\":\"YES\"}", OTHER)
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/tasks/" + id).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tasksAHighlyEducatedGroupDoesThatNeedNoFormalHealthCompetence() {
        // Case 4 of Oslo Economics 2024: notifications to the cancer registry moved off doctors (seeds/000 L2807-2813)
        String id = Api.post("/api/tasks", """
                {"nameNb":"Meldinger til Kreftregisteret","category":"DOCUMENTATION","settings":["OUTPATIENT"],
                 "currentPerformerGroups":["LE","SP"]}""").statusCode(201).extract().path("id");
        Api.put("/api/tasks/" + id + "/assessment", """
                {"requiresFormalHealthCompetence":"NO","candidateGroups":[{"group":"HELSESEKRETAER","conditions":["TRAINING"]}],
                 "sharingDirections":["VERTICAL_DOWN"]}""", AHUS).statusCode(200);
        String blood = Api.bloodSampling();
        Api.get("/api/tasks?universityEducatedPerformer=true&requiresFormalHealthCompetence=NO").statusCode(200)
                .body("id", hasItem(id)).body("id", not(hasItem(blood)));
        Api.get("/api/tasks?performedBy=LE").body("id", hasItem(id)).body("id", not(hasItem(blood)));
    }
}
