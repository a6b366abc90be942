package no.helsefellesskap.tasks;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.helsefellesskap.infra.test.TestTokens;

import static io.restassured.RestAssured.given;

/** Small helpers for the catalogue's API tests. */
final class Api {

    static final String AHUS = "983971636";
    static final String OTHER = "842566142";

    private Api() {
    }

    static ValidatableResponse post(String path, String json) {
        return post(path, json, AHUS);
    }

    static ValidatableResponse post(String path, String json, String orgnr) {
        return given().header("Authorization", TestTokens.bearer(orgnr, "registrar")).contentType(ContentType.JSON)
                .body(json).post(path).then();
    }

    static ValidatableResponse put(String path, String json, String orgnr) {
        return given().header("Authorization", TestTokens.bearer(orgnr, "registrar")).contentType(ContentType.JSON)
                .body(json).put(path).then();
    }

    static ValidatableResponse get(String path) {
        return given().header("Authorization", TestTokens.bearer(OTHER)).get(path).then();
    }

    /** Blood sampling on the ward, done by nurses and bioengineers (seeds/000 L1774-1801, L3353-3359). */
    static String bloodSampling() {
        return post("/api/tasks", """
                {"nameNb":"Venøs blodprøvetaking på sengepost","nameEn":"Venous blood sampling on the ward",
                 "description":"Morgenprøver på sengepost","category":"CLINICAL_PROCEDURE","settings":["HOSPITAL_WARD"],
                 "serviceLevel":"SPECIALIST","currentPerformerGroups":["SP","BIOINGENIOR"],"riskLevel":"MEDIUM",
                 "sourceRefs":["Oslo Economics 2024, seeds/000 L1774-1801"]}""").statusCode(201).extract().path("id");
    }

    /** New and unclarified symptoms in an unselected population: a doctor's judgement (seeds/003 L9960-9964). */
    static String undifferentiatedSymptoms() {
        return post("/api/tasks", """
                {"nameNb":"Vurdering av nyoppståtte og uavklarte symptomer i uselektert pasientpopulasjon",
                 "category":"DIAGNOSTIC_ASSESSMENT","settings":["LEGEVAKT"],"currentPerformerGroups":["LE"],
                 "reservedFor":["LE"],"reservationReason":"bred differensialdiagnostisk kompetanse",
                 "reservationSource":"NOU 2023:4 L9960-9964","legalBasis":["HPL_4"]}""").statusCode(201).extract().path("id");
    }

    static String portersModel(String task) {
        return post("/api/models", portersModelBody(task, "Portører tar blodprøver på sengepost")).statusCode(201).extract().path("modelId");
    }

    /** Case 2 of Oslo Economics 2024: ten porters trained in blood sampling by bioengineers (seeds/000 L1774-1801). */
    static String portersModelBody(String task, String name) {
        return """
                {"name":"%s","description":"Pasientportører tar blodprøver etter kurs holdt av bioingeniører",
                 "modelType":"TASK_TRANSFER","taskIds":["%s"],"fromGroups":["SP","BIOINGENIOR"],"toGroups":["PORTOR"],
                 "coreComponents":["kurs ved bioingeniører","veiledet prøvetaking"],"adaptableComponents":["tidspunkt for morgenprøver"],
                 "requiredCompetences":[{"competence":"BLODPROVETAKING","personnelGroup":"PORTOR","minimumHeadcount":10,"acceptsActualCompetence":false}],
                 "signOffScheme":"COURSE_AND_SUPERVISED_PRACTICE","evidenceLevel":"QUALITATIVE",
                 "sourceRefs":["Oslo Economics 2024, seeds/000 L1481-1933"]}""".formatted(name, task);
    }
}
