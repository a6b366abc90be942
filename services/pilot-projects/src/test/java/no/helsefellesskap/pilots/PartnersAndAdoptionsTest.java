package no.helsefellesskap.pilots;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static no.helsefellesskap.pilots.Api.AHUS;
import static no.helsefellesskap.pilots.Api.LORENSKOG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class PartnersAndAdoptionsTest {

    @Test
    void partnersAnswerForThemselvesOnly() {
        String id = Api.pilot(AHUS, ",\"partnerOrgnrs\":[\"" + LORENSKOG + "\"]");
        Api.get("/api/pilots/" + id).body("partners[0].orgnr", equalTo(LORENSKOG)).body("partners[0].answer", equalTo("INVITED"));
        String confirm = "/api/pilots/" + id + "/partners/" + LORENSKOG + "/confirm";
        Api.post(confirm, "{}", AHUS).statusCode(403).contentType("application/problem+json"); // the owner cannot
        Api.post(confirm, "{}", Api.STRANGER).statusCode(403);                                  // nor anybody else
        Api.post("/api/pilots/" + id + "/partners/" + Api.STRANGER + "/confirm", "{}", Api.STRANGER).statusCode(404);
        Api.get("/api/pilots/" + id).body("partners[0].answer", equalTo("INVITED"));
        Api.post(confirm, "{\"comment\":\"Vi stiller med to sykehjem\"}", LORENSKOG).statusCode(200).body("answer", equalTo("CONFIRMED"));
        var e = TopicReader.read(EventTypes.TOPIC_PILOTS, x -> id.equals(x.key())
                && EventTypes.PARTNER_CONFIRMED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(LORENSKOG, JsonPath.from(e.get(0).value()).getString("partnerOrgnr"));

        String other = Api.pilot(AHUS, ",\"partnerOrgnrs\":[\"" + LORENSKOG + "\"]");
        Api.post("/api/pilots/" + other + "/partners/" + LORENSKOG + "/decline", "{}", LORENSKOG).statusCode(200)
                .body("answer", equalTo("DECLINED"));
        String alone = Api.pilot(AHUS, "");
        Api.get("/api/pilots?noMunicipalPartner=true").body("id", hasItem(alone)).body("id", hasItem(other))
                .body("id", not(hasItem(id)));
        Api.get("/api/pilots?owner=" + AHUS + "&status=PLANNED&priorityGroup=FRAIL_ELDERLY&group=PORTOR").body("id", hasItem(id));
        Api.get("/api/pilots?priorityGroup=CHILDREN_YOUNG").body("id", not(hasItem(id)));
        // my organisation's pilots, and the pilots in my partnership (Lørenskog is in the Ahus partnership)
        io.restassured.RestAssured.given().header("Authorization", no.helsefellesskap.infra.test.TestTokens.bearer(AHUS))
                .get("/api/pilots?mine=true").then().body("id", hasItem(id));
        Api.get("/api/pilots?mine=true").body("id", not(hasItem(id)));
        Api.get("/api/pilots?myPartnership=true").body("id", hasItem(id));
    }

    @Test
    void adoptionsRecordTheSpreadOfAModel() {
        UUID model = UUID.randomUUID();
        Api.modelPublished(model, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.post("/api/pilots", """
                {"title":"Etter modell","ownerOrgnr":"%s","modelId":"%s","modelVersion":1}""".formatted(AHUS, model), AHUS).statusCode(201));
        String pilot = Api.get("/api/pilots?modelId=" + model).extract().path("[0].id");

        String adoption = Api.post("/api/adoptions", """
                {"modelId":"%s","modelVersion":1,"learnedFromPilot":"%s"}""".formatted(model, pilot), LORENSKOG)
                .statusCode(201).body("status", equalTo("DECLARED")).body("adopterOrgnr", equalTo(LORENSKOG))
                .body("occurredOn", equalTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString())).body("datePrecision", equalTo("DAY"))
                .extract().path("id");
        // found by an outside test: adoptions were dated when recorded; one that happened earlier says when, and how exactly
        Api.post("/api/adoptions", """
                {"modelId":"%s","modelVersion":1,"date":"2099-01-01"}""".formatted(model), LORENSKOG).statusCode(422)
                .body("errors.field", hasItem("date"));
        Api.post("/api/adoptions", """
                {"modelId":"%s","modelVersion":1,"date":"2024-03-17","datePrecision":"MONTH","dateSource":"seeds/001 L200"}"""
                .formatted(model), LORENSKOG).statusCode(201).body("occurredOn", equalTo("2024-03-01"))
                .body("datePrecision", equalTo("MONTH")).body("dateSource", equalTo("seeds/001 L200"));
        Api.post("/api/adoptions/" + adoption + "/complete", "{}", AHUS).statusCode(403);
        Api.post("/api/adoptions/" + adoption + "/abandon", "{}", LORENSKOG).statusCode(422).body("errors.field", hasItem("reason"));
        Api.post("/api/adoptions/" + adoption + "/abandon", "{\"reason\":\"STAFFING\"}", LORENSKOG).statusCode(200)
                .body("status", equalTo("ABANDONED"));
        Api.post("/api/adoptions/" + adoption + "/complete", "{}", LORENSKOG).statusCode(409);
        Api.post("/api/adoptions", "{\"modelId\":\"" + UUID.randomUUID() + "\",\"modelVersion\":1}", LORENSKOG).statusCode(422)
                .body("errors.field", hasItem("modelVersion"));

        Api.get("/api/models/" + model + "/lineage").statusCode(200).body("pilots.id", hasItem(pilot))
                .body("adoptions.id", hasItem(adoption));
        var events = TopicReader.read(EventTypes.TOPIC_ADOPTIONS, x -> adoption.equals(x.key()), 2, Duration.ofSeconds(30));
        assertEquals(EventTypes.ADOPTION_DECLARED.type(), TopicReader.header(events.get(0), "ce_type"));
        assertEquals(EventTypes.ADOPTION_ABANDONED.type(), TopicReader.header(events.get(1), "ce_type"));
        assertEquals("/pilot-projects", TopicReader.header(events.get(1), "ce_source"));
    }
}
