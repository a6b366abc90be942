package no.helsefellesskap.pilots;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

final class Api {

    static final String AHUS = "983971636";        // HF-AHUS in reference/organisations.v1.csv
    static final String LORENSKOG = "842566142";   // KOMMUNE-LORENSKOG, member of HFS-AHUS
    static final String STRANGER = "876543214";    // valid mod-11, no organisation in the suite

    private Api() {
    }

    static ValidatableResponse post(String path, String json, String orgnr, String... roles) {
        return given().header("Authorization", TestTokens.bearer(orgnr, roles.length == 0 ? new String[] {"registrar"} : roles))
                .contentType(ContentType.JSON).body(json).post(path).then();
    }

    static ValidatableResponse put(String path, String json, String orgnr, String... roles) {
        return given().header("Authorization", TestTokens.bearer(orgnr, roles)).contentType(ContentType.JSON).body(json).put(path).then();
    }

    static ValidatableResponse get(String path) {
        return given().header("Authorization", TestTokens.bearer(LORENSKOG)).get(path).then();
    }

    private static UUID knownTask;

    /** A task of the catalogue, published once as the task catalogue would; this service learns it from the topic. */
    static synchronized UUID knownTask() {
        if (knownTask == null) {
            knownTask = taskPublished();
        }
        return knownTask;
    }

    static UUID taskPublished() {
        UUID task = UUID.randomUUID();
        TopicReader.write(EventTypes.TOPIC_TASKS, task.toString(), """
                {"taskId":"%s","nameNb":"Blodprøvetaking","nameEn":null,"category":"DIAGNOSTIC_ASSESSMENT","settings":[],
                 "currentPerformerGroups":["BIOINGENIOR"],"reserved":false,"reservedFor":[],"registeredByOrgnr":"983971636",
                 "registeredAt":"%s"}""".formatted(task, Instant.now()),
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", EventTypes.TASK_REGISTERED.type(),
                "ce_source", "/task-catalogue", "ce_time", Instant.now().toString());
        return task;
    }

    static String pilot(String ownerOrgnr, String extra) {
        String body = """
                {"title":"Pasientportører tar blodprøver","ownerOrgnr":"%s","taskIds":["%s"],"fromGroups":["SP","BIOINGENIOR"],
                 "toGroups":["PORTOR"],"priorityGroups":["FRAIL_ELDERLY"],"settings":["HOSPITAL_WARD"]%s}"""
                .formatted(ownerOrgnr, knownTask(), extra);
        // the first pilot waits until this service has learnt the task from its topic
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> id[0] = post("/api/pilots", body, ownerOrgnr)
                .statusCode(201).extract().path("id"));
        return id[0];
    }

    /** Publishes a model version as the task catalogue would, so this service learns it from the models topic. */
    static void modelPublished(UUID model, int version) {
        TopicReader.write(EventTypes.TOPIC_MODELS, model.toString(), """
                {"modelId":"%s","version":%d,"previousVersion":null,"name":"Portører tar blodprøver på sengepost",
                 "modelType":"TASK_TRANSFER","taskIds":["%s"],"fromGroups":["SP"],"toGroups":["PORTOR"],"requiredCompetences":[],
                 "signOffScheme":"COURSE_AND_SUPERVISED_PRACTICE","evidenceLevel":"QUALITATIVE","lifecycle":"PROPOSED",
                 "publishedByOrgnr":"983971636","publishedAt":"%s"}""".formatted(model, version, UUID.randomUUID(), Instant.now()),
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", EventTypes.MODEL_PUBLISHED.type(),
                "ce_source", "/task-catalogue", "ce_time", Instant.now().toString());
    }
}
