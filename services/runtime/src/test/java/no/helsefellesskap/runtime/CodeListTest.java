package no.helsefellesskap.runtime;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** Found by an outside test: a registrar could not discover the valid codes from the API. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class CodeListTest {

    static String token() {
        return TestTokens.bearer("983971636", "registrar");
    }

    @Test
    void everyCodeListIsServedWithItsVersionAndBothLanguages() {
        given().header("Authorization", token()).get("/api/code-lists").then().statusCode(200)
                .body("lists.name", hasItems("outcome-dimension", "evidence-level", "abandonment-reason", "task-category",
                        "setting", "priority-group", "recommendation", "personnel-group", "feed-event-type"))
                .body("lists.version", org.hamcrest.Matchers.everyItem(notNullValue()));
        given().header("Authorization", token()).get("/api/code-lists/recommendation").then().statusCode(200)
                .body("codes.code", hasItems("SPREAD", "SPREAD_WITH_CONDITIONS", "MORE_EVIDENCE", "STOP", "NONE"))
                .body("codes.find { it.code == 'SPREAD_WITH_CONDITIONS' }.nameNb", equalTo("spres med vilkår"))
                .body("codes.find { it.code == 'SPREAD_WITH_CONDITIONS' }.nameEn", equalTo("spread with conditions"));
        given().header("Authorization", token()).get("/api/code-lists/feed-event-type").then().statusCode(200)
                .body("codes.code", hasItem("no.helsefellesskap.pilot-projects.pilot.abandoned.v1"));
        given().header("Authorization", token()).get("/api/code-lists/personnel-group").then().statusCode(200)
                .body("codes.code", hasItem("SP"));
        given().header("Authorization", token()).get("/api/code-lists/competence").then().statusCode(200)
                .body("codes.code", hasItem("AUT_APOTEKTEKNIKER"));
        given().header("Authorization", token()).get("/api/code-lists/nonsense").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/code-lists").then().statusCode(401);
    }
}
