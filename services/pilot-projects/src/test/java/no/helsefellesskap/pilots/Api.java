package no.helsefellesskap.pilots;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

final class Api {

    static final String AHUS = "983971636";        // HF-AHUS in reference/organisations.v1.csv
    static final String LORENSKOG = "974604167";   // KOMMUNE-LORENSKOG, member of HFS-AHUS
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

    static String pilot(String ownerOrgnr, String extra) {
        return post("/api/pilots", """
                {"title":"Pasientportører tar blodprøver","ownerOrgnr":"%s","taskIds":["%s"],"fromGroups":["SP","BIOINGENIOR"],
                 "toGroups":["PORTOR"],"priorityGroups":["FRAIL_ELDERLY"],"settings":["HOSPITAL_WARD"]%s}"""
                .formatted(ownerOrgnr, UUID.randomUUID(), extra), ownerOrgnr).statusCode(201).extract().path("id");
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
