package no.helsefellesskap.pilots;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.helsefellesskap.pilots.Api.AHUS;
import static no.helsefellesskap.pilots.Api.LORENSKOG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class PilotLifecycleTest {

    @Test
    void aPilotIsRegisteredInItsOwnersPartnershipAndPublished() {
        String id = Api.pilot(AHUS, ",\"plannedStart\":\"2026-01-05\",\"plannedEnd\":\"2026-06-30\","
                + "\"preconditions\":[{\"item\":\"EMPLOYER_UNION_COOPERATION\",\"status\":\"DONE\"},{\"item\":\"BASELINE_MEASUREMENT_PLANNED\",\"status\":\"PLANNED\"}],"
                + "\"staffing\":[{\"group\":\"PORTOR\",\"headcount\":10}],\"forsvarlighetAssessment\":\"kurs og veiledet prøvetaking\","
                + "\"baselinePlan\":\"tell sykepleiertimer brukt på morgenprøver i fire uker før start\"");
        Api.get("/api/pilots/" + id).statusCode(200).body("status", equalTo("PLANNED")).body("partnership", equalTo("HFS-AHUS"))
                .body("staffing[0].headcount", equalTo(10)).body("preconditions[1].status", equalTo("PLANNED"));
        var r = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key()), 1, Duration.ofSeconds(30)).get(0);
        assertEquals(EventTypes.PILOT_REGISTERED.type(), TopicReader.header(r, "ce_type"));
        assertEquals("/pilot-projects", TopicReader.header(r, "ce_source"));
        assertEquals(id, TopicReader.header(r, "ce_subject"));
        assertEquals("HFS-AHUS", JsonPath.from(r.value()).getString("partnership"));
    }

    @Test
    void aRecordFromAReportMayMoveOnWithoutKnownDates() {
        String id = Api.pilot(AHUS, "");
        Api.post("/api/pilots/" + id + "/start", "{\"dateUnknown\":true}", AHUS).statusCode(200)
                .body("status", equalTo("RUNNING")).body("startedOn", org.hamcrest.Matchers.nullValue());
        Api.post("/api/pilots/" + id + "/complete", "{\"dateUnknown\":true}", AHUS).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        var completed = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key())
                && EventTypes.PILOT_COMPLETED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(null, JsonPath.from(completed.get(0).value()).getString("date"), "the day stays unknown");
    }

    @Test
    void noCompletedBeforeRunningAndDatesMustBeConsistent() {
        String id = Api.pilot(AHUS, "");
        Api.post("/api/pilots/" + id + "/complete", "{\"date\":\"2026-03-01\"}", AHUS).statusCode(409).contentType("application/problem+json");
        Api.post("/api/pilots/" + id + "/start", "{\"date\":\"2026-02-01\"}", AHUS).statusCode(200).body("status", equalTo("RUNNING"))
                .body("startedOn", equalTo("2026-02-01"));
        Api.post("/api/pilots/" + id + "/start", "{\"date\":\"2026-02-02\"}", AHUS).statusCode(409);
        Api.post("/api/pilots/" + id + "/complete", "{\"date\":\"2026-01-31\"}", AHUS).statusCode(422).body("errors.field", hasItem("date"));
        Api.post("/api/pilots/" + id + "/complete", "{}", AHUS).statusCode(422).body("errors.field", hasItem("date"));
        Api.post("/api/pilots/" + id + "/complete", "{\"date\":\"2026-08-01\",\"dateUnknown\":true}", AHUS).statusCode(422)
                .body("errors.field", hasItem("dateUnknown"));
        Api.post("/api/pilots/" + id + "/complete", "{\"date\":\"2026-08-01\"}", AHUS).statusCode(200).body("status", equalTo("COMPLETED"));
        Api.post("/api/pilots/" + id + "/abandon", "{\"date\":\"2026-08-02\",\"reason\":\"COST\"}", AHUS).statusCode(409);

        var events = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key()), 5, Duration.ofSeconds(30));
        assertEquals(EventTypes.PILOT_STARTED.type(), TopicReader.header(events.get(1), "ce_type"));
        assertEquals(EventTypes.PILOT_STATUS_CHANGED.type(), TopicReader.header(events.get(2), "ce_type"));
        assertEquals(EventTypes.PILOT_COMPLETED.type(), TopicReader.header(events.get(3), "ce_type"));
        assertEquals("RUNNING", JsonPath.from(events.get(3).value()).getString("from"));

        Api.post("/api/pilots", """
                {"title":"x","ownerOrgnr":"%s","taskIds":["%s"],"plannedStart":"2026-06-01","plannedEnd":"2026-05-01"}"""
                .formatted(AHUS, UUID.randomUUID()), AHUS).statusCode(422).body("errors.field", hasItem("plannedEnd"));
    }

    @Test
    void abandonedNeedsAReasonFromTheList() {
        String id = Api.pilot(AHUS, "");
        Api.post("/api/pilots/" + id + "/abandon", "{\"date\":\"2026-03-01\"}", AHUS).statusCode(400).body("errors.field", hasItem("reason"));
        Api.post("/api/pilots/" + id + "/abandon", "{\"date\":\"2026-03-01\",\"reason\":\"BAD_LUCK\"}", AHUS).statusCode(422)
                .body("errors.field", hasItem("reason"));
        Api.post("/api/pilots/" + id + "/abandon", "{\"date\":\"2026-03-01\",\"reason\":\"OTHER\"}", AHUS).statusCode(422)
                .body("errors.field", hasItem("text"));
        Api.get("/api/pilots/" + id).body("status", equalTo("PLANNED")); // rejected requests changed nothing
        Api.post("/api/pilots/" + id + "/abandon", "{\"date\":\"2026-03-01\",\"reason\":\"TOO_FEW_APPLICANTS\",\"text\":\"for få søkere\"}", AHUS)
                .statusCode(200).body("status", equalTo("ABANDONED")).body("abandonReason", equalTo("TOO_FEW_APPLICANTS"));
        var e = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key())
                && EventTypes.PILOT_ABANDONED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals("TOO_FEW_APPLICANTS", JsonPath.from(e.get(0).value()).getString("reason"));
    }

    @Test
    void aModelVersionUnknownToTheCatalogueIsRejectedWithoutCallingIt() {
        UUID model = UUID.randomUUID();
        String body = """
                {"title":"Etter modell","ownerOrgnr":"%s","modelId":"%s","modelVersion":1}""".formatted(AHUS, model);
        Api.post("/api/pilots", body, AHUS).statusCode(422).body("errors.field", hasItem("modelVersion"));
        Api.modelPublished(model, 1); // the catalogue's event arrives; this service keeps its own copy
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.post("/api/pilots", body, AHUS).statusCode(201));
        Api.post("/api/pilots", body.replace("\"modelVersion\":1", "\"modelVersion\":2"), AHUS).statusCode(422)
                .body("errors.field", hasItem("modelVersion"));
        Api.post("/api/pilots", "{\"title\":\"uten modell og oppgaver\",\"ownerOrgnr\":\"" + AHUS + "\"}", AHUS).statusCode(422)
                .body("errors.field", hasItem("taskIds"));
    }

    /**
     * Found by an outside test: a pilot that started "in 2019" read as started on 2019-01-01, and one that started and
     * ended in 2019 as lasting zero days. A date keeps its precision and source, through the API and the events.
     */
    @Test
    void aDateKnownOnlyToTheYearKeepsItsPrecisionAndSource() {
        String id = Api.pilot(AHUS, "");
        Api.post("/api/pilots/" + id + "/start", "{\"date\":\"2019-07-15\",\"datePrecision\":\"WEEK\"}", AHUS)
                .statusCode(422).body("errors.field", hasItem("datePrecision"));
        Api.get("/api/pilots/" + id).body("status", equalTo("PLANNED"));
        Api.post("/api/pilots/" + id + "/start", """
                {"date":"2019-07-15","datePrecision":"YEAR","dateSource":"seeds/000 L1078-1082"}""", AHUS).statusCode(200)
                .body("startedOn", equalTo("2019-01-01")).body("startedPrecision", equalTo("YEAR"))
                .body("startedSource", equalTo("seeds/000 L1078-1082"));
        Api.post("/api/pilots/" + id + "/complete", "{\"date\":\"2019-11-02\",\"datePrecision\":\"MONTH\"}", AHUS)
                .statusCode(200).body("endedOn", equalTo("2019-11-01")).body("endedPrecision", equalTo("MONTH"));
        var started = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key())
                && EventTypes.PILOT_STARTED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals("YEAR", JsonPath.from(started.get(0).value()).getString("datePrecision"));
        assertEquals("seeds/000 L1078-1082", JsonPath.from(started.get(0).value()).getString("dateSource"));
        assertEquals("2019-01-01", JsonPath.from(started.get(0).value()).getString("date"));
    }

    /** Found by an outside test: pilots from the source documents exposed no source. */
    @Test
    void aPilotCarriesItsSourcesThroughTheApiAndItsEvent() {
        String id = Api.pilot(AHUS, ",\"sources\":[\"seeds/000 L1078-1082\",\"seed-000.md §3\"]");
        Api.get("/api/pilots/" + id).body("sources", equalTo(java.util.List.of("seeds/000 L1078-1082", "seed-000.md §3")));
        var registered = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key())
                && EventTypes.PILOT_REGISTERED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(java.util.List.of("seeds/000 L1078-1082", "seed-000.md §3"),
                JsonPath.from(registered.get(0).value()).getList("sources"));
        Api.post("/api/pilots", """
                {"title":"x","ownerOrgnr":"%s","taskIds":["%s"],"sources":[""]}""".formatted(AHUS, Api.knownTask()), AHUS)
                .statusCode(400).body("errors.field", hasItem("sources[0]"));
    }

    /** Whom to ask is a role mailbox, never a person: kept through the API and the event; a person's address is refused. */
    @Test
    void aPilotCarriesItsContactRoleMailboxAndRefusesAPersonsAddress() {
        String id = Api.pilot(AHUS, ",\"contactMailbox\":\" Oppgavedeling@Ahus.no \"");
        Api.get("/api/pilots/" + id).body("contactMailbox", equalTo("oppgavedeling@ahus.no"));
        var registered = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key())
                && EventTypes.PILOT_REGISTERED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals("oppgavedeling@ahus.no", JsonPath.from(registered.get(0).value()).getString("contactMailbox"));
        String title = "Kontakt er en person " + UUID.randomUUID();
        Api.post("/api/pilots", """
                {"title":"%s","ownerOrgnr":"%s","taskIds":["%s"],"contactMailbox":"kari.nordmann@ahus.no"}"""
                .formatted(title, AHUS, Api.knownTask()), AHUS)
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("contactMailbox"));
        Api.get("/api/pilots").body("title", not(hasItem(title)));
    }

    /** The case travels in pilot.registered: lists are bounded so the event stays under Kafka's 1 MB record limit. */
    @Test
    void anOversizedCaseIsRefusedNamingTheFieldSoTheEventStaysPublishable() {
        String adaptations = String.join(",", java.util.Collections.nCopies(21, "{\"what\":\"x\",\"why\":\"y\"}"));
        Api.post("/api/pilots", """
                {"title":"for stor","ownerOrgnr":"%s","taskIds":["%s"],"adaptations":[%s]}"""
                .formatted(AHUS, Api.knownTask(), adaptations), AHUS)
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("adaptations"));
    }

    /** Found by an outside test (and the README's own example): a pilot naming tasks that do not exist got 201. */
    @Test
    void taskIdsUnknownToTheCatalogueAreRefusedNamingEachAndNothingIsStored() {
        String title = "Oppgaver som ikke finnes " + UUID.randomUUID();
        UUID missing = UUID.randomUUID();
        Api.post("/api/pilots", """
                {"title":"%s","ownerOrgnr":"%s","taskIds":["%s","%s"]}""".formatted(title, AHUS, Api.knownTask(), missing), AHUS)
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("taskIds[1]")).body("errors.field", not(hasItem("taskIds[0]")));
        Api.get("/api/pilots").body("title", not(hasItem(title)));
        UUID arriving = Api.taskPublished(); // registered in the catalogue just now: accepted once its event arrives
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.post("/api/pilots", """
                {"title":"%s","ownerOrgnr":"%s","taskIds":["%s"]}""".formatted(title, AHUS, arriving), AHUS).statusCode(201));
    }

    @Test
    void organisationNumbersAreCheckedAndUnknownCodesRejected() {
        Api.post("/api/pilots", "{\"title\":\"x\",\"ownerOrgnr\":\"983971637\",\"taskIds\":[\"" + UUID.randomUUID() + "\"]}", "983971637")
                .statusCode(400).body("errors.field", hasItem("ownerOrgnr"));
        Api.post("/api/pilots", """
                {"title":"x","ownerOrgnr":"%s","taskIds":["%s"],"partnerOrgnrs":["123456784","000000060"],"toGroups":["WIZARD"],
                 "priorityGroups":["EVERYONE"]}""".formatted(AHUS, UUID.randomUUID()), AHUS)
                .statusCode(422).body("errors.field", hasItem("partnerOrgnrs[0]")).body("errors.field", hasItem("partnerOrgnrs[1]"))
                .body("errors.field", hasItem("toGroups[0]")).body("errors.field", hasItem("priorityGroups[0]"));
        // a valid number of an organisation the suite does not know cannot own a pilot
        Api.post("/api/pilots", "{\"title\":\"x\",\"ownerOrgnr\":\"" + Api.STRANGER + "\",\"taskIds\":[\"" + UUID.randomUUID() + "\"]}",
                Api.STRANGER).statusCode(422).body("errors.field", hasItem("ownerOrgnr"));
    }

    @Test
    void every403() {
        String id = Api.pilot(AHUS, "");
        // registering in another organisation's name
        Api.post("/api/pilots", "{\"title\":\"x\",\"ownerOrgnr\":\"" + AHUS + "\",\"taskIds\":[\"" + UUID.randomUUID() + "\"]}", LORENSKOG)
                .statusCode(403).contentType("application/problem+json");
        // registering without the registrar role
        Api.post("/api/pilots", "{\"title\":\"x\",\"ownerOrgnr\":\"" + AHUS + "\",\"taskIds\":[\"" + UUID.randomUUID() + "\"]}", AHUS, "evaluator")
                .statusCode(403);
        // changing another organisation's pilot
        Api.post("/api/pilots/" + id + "/start", "{\"date\":\"2026-02-01\"}", LORENSKOG).statusCode(403);
        Api.post("/api/pilots/" + id + "/abandon", "{\"date\":\"2026-02-01\",\"reason\":\"COST\"}", LORENSKOG).statusCode(403);
        Api.get("/api/pilots/" + id).body("status", equalTo("PLANNED"));
        // reading needs only a token
        given().get("/api/pilots/" + id).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Api.STRANGER)).get("/api/pilots/" + id).then().statusCode(200);
    }
}
