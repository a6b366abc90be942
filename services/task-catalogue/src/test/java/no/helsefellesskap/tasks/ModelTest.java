package no.helsefellesskap.tasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static no.helsefellesskap.tasks.Api.AHUS;
import static no.helsefellesskap.tasks.Api.OTHER;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class ModelTest {

    @Test
    void aModelIsPublishedVersionedAndOldVersionsStayAsTheyWere() {
        String task = Api.bloodSampling();
        String model = Api.portersModel(task);
        Api.get("/api/models/" + model).statusCode(200).body("version", equalTo(1)).body("lifecycle", equalTo("PROPOSED"))
                .body("requiredCompetences[0].minimumHeadcount", equalTo(10));

        Api.post("/api/models/" + model + "/versions", Api.portersModelBody(task, "Portører tar blodprøver, versjon for helg"))
                .statusCode(201).body("version", equalTo(2)).body("previousVersion", equalTo(1));
        Api.get("/api/models/" + model + "/versions/1").body("name", equalTo("Portører tar blodprøver på sengepost"));
        Api.get("/api/models/" + model).body("version", equalTo(2)).body("name", equalTo("Portører tar blodprøver, versjon for helg"));
        Api.get("/api/models/" + model + "/versions").body("$", hasSize(2));

        var events = TopicReader.read(EventTypes.TOPIC_MODELS, r -> model.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(EventTypes.MODEL_PUBLISHED.type(), TopicReader.header(events.get(0), "ce_type"));
        assertEquals(EventTypes.MODEL_VERSIONED.type(), TopicReader.header(events.get(1), "ce_type"));
        assertEquals("/task-catalogue", TopicReader.header(events.get(1), "ce_source"));
        assertEquals(model, TopicReader.header(events.get(1), "ce_subject"));
        assertEquals(2, JsonPath.from(events.get(1).value()).getInt("version"));

        Api.post("/api/models/" + model + "/versions", Api.portersModelBody(task, "kapret"), OTHER).statusCode(403);
    }

    @Test
    void modelRulesRejectNamingTheField() {
        String task = Api.bloodSampling();
        String noScheme = Api.portersModelBody(task, "uten opplæringsordning").replace("\"signOffScheme\":\"COURSE_AND_SUPERVISED_PRACTICE\"", "\"signOffScheme\":null");
        Api.post("/api/models", noScheme).statusCode(422).body("errors.field", hasItem("signOffScheme"));
        String badCodes = Api.portersModelBody(task, "ukjente koder").replace("[\"PORTOR\"]", "[\"WIZARD\"]")
                .replace("BLODPROVETAKING", "JUGGLING").replace("TASK_TRANSFER", "MAGIC");
        Api.post("/api/models", badCodes).statusCode(422)
                .body("errors.field", hasItem("toGroups[0]")).body("errors.field", hasItem("requiredCompetences[0].competence"))
                .body("errors.field", hasItem("modelType"));
        Api.post("/api/models", Api.portersModelBody(UUID.randomUUID().toString(), "ukjent oppgave")).statusCode(422)
                .body("errors.field", hasItem("taskIds[0]"));
    }

    @Test
    void movingAReservedTaskNeedsAJustificationAndIsFlagged() {
        String task = Api.undifferentiatedSymptoms();
        String body = """
                {"name":"Sykepleiervurdering på legevakt","modelType":"TASK_TRANSFER","taskIds":["%s"],"fromGroups":["LE"],
                 "toGroups":["SP"],"evidenceLevel":"NOT_EVALUATED"}""".formatted(task);
        Api.post("/api/models", body).statusCode(422).body("errors.field", hasItem("forsvarlighetJustification"));
        String model = Api.post("/api/models", body.replace("\"evidenceLevel\"",
                        "\"forsvarlighetJustification\":\"Lege vurderer alle pasienter samme vakt\",\"evidenceLevel\""))
                .statusCode(201).extract().path("modelId");
        var flagged = TopicReader.read(EventTypes.TOPIC_TASKS, x -> task.equals(x.key())
                && EventTypes.TASK_RESERVATION_FLAGGED.type().equals(TopicReader.header(x, "ce_type")), 1, Duration.ofSeconds(30));
        assertEquals(model, JsonPath.from(flagged.get(0).value()).getString("modelId"));
    }

    @Test
    void queriesFindModelsByTaskAndGroupsAndSearchFindsNames() {
        String task = Api.bloodSampling();
        String model = Api.portersModel(task);
        Api.get("/api/models?task=" + task + "&from=SP&to=PORTOR").statusCode(200).body("modelId", hasItem(model));
        Api.get("/api/models?task=" + task + "&from=LE").body("modelId", not(hasItem(model)));
        Api.get("/api/models?evidenceLevel=QUALITATIVE&lifecycle=PROPOSED").body("modelId", hasItem(model));
        Api.get("/api/models?lifecycle=PROVEN").body("modelId", not(hasItem(model)));
        Api.get("/api/search?q=blodprøver").statusCode(200).body("models.modelId", hasItem(model));
        Api.get("/api/search?q=blodprøvetaking").body("tasks.id", hasItem(task));
        Api.get("/api/search?q=venous blood").body("tasks.id", hasItem(task));
        Api.get("/api/search?q=").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void nobodySetsProvenByHandEvaluationEventsMoveTheLifecycle() {
        String task = Api.bloodSampling();
        String model = Api.portersModel(task);
        String lifecycle = "/api/models/" + model + "/versions/1/lifecycle";
        Api.post(lifecycle, "{\"to\":\"PROVEN\"}").statusCode(422).body("errors.field", hasItem("to"));
        Api.post(lifecycle, "{\"to\":\"SPREADING\"}").statusCode(409).contentType("application/problem+json");
        Api.post(lifecycle, "{\"to\":\"ASSESSED\",\"reason\":\"kartlagt\"}", OTHER).statusCode(403);
        Api.post(lifecycle, "{\"to\":\"ASSESSED\",\"reason\":\"kartlagt\"}").statusCode(200).body("lifecycle", equalTo("ASSESSED"));
        Api.post(lifecycle, "{\"to\":\"IN_PILOT\"}").statusCode(200).body("lifecycle", equalTo("IN_PILOT"));

        String evaluation = UUID.randomUUID().toString();
        TopicReader.write(EventTypes.TOPIC_EVALUATIONS, evaluation, """
                {"evaluationId":"%s","pilotId":"%s","modelId":"%s","modelVersion":1,"recommendation":"SPREAD",
                 "evidenceLevel":"QUALITATIVE","publishedAt":"%s"}""".formatted(evaluation, UUID.randomUUID(), model, Instant.now()),
                headers(EventTypes.EVALUATION_PUBLISHED.type(), "/evaluations"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.get("/api/models/" + model).body("lifecycle", equalTo("EVALUATED")));

        TopicReader.write(EventTypes.TOPIC_MODEL_EVIDENCE, model, """
                {"modelId":"%s","modelVersion":1,"evidenceRule":"one published evaluation recommending SPREAD",
                 "evaluationIds":["%s"],"provenAt":"%s"}""".formatted(model, evaluation, Instant.now()),
                headers(EventTypes.MODEL_PROVEN.type(), "/evaluations"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.get("/api/models/" + model).body("lifecycle", equalTo("PROVEN")));
        // why it is proven: the rule and the evaluations, as model.proven named them
        Api.get("/api/models/" + model).body("provenBy.rule", equalTo("one published evaluation recommending SPREAD"))
                .body("provenBy.evaluationIds", equalTo(List.of(evaluation))).body("provenBy.provenAt", org.hamcrest.Matchers.notNullValue());

        var changes = TopicReader.read(EventTypes.TOPIC_MODELS, r -> model.equals(r.key())
                && EventTypes.MODEL_LIFECYCLE_CHANGED.type().equals(TopicReader.header(r, "ce_type")), 4, Duration.ofSeconds(30));
        assertEquals(4, changes.size());
        assertEquals("EVALUATED", JsonPath.from(changes.get(2).value()).getString("to"));
        assertEquals("PROVEN", JsonPath.from(changes.get(3).value()).getString("to"));
        assertEquals("/task-catalogue", TopicReader.header(changes.get(3), "ce_source"));
        Api.post(lifecycle, "{\"to\":\"SPREADING\"}").statusCode(200).body("lifecycle", equalTo("SPREADING"));
    }

    private static String[] headers(String type, String source) {
        return new String[] {"ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", source, "ce_time", Instant.now().toString()};
    }
}
