package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.Axe;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.model.events.AdoptionChanged;
import no.helsefellesskap.model.events.CompetenceProfileRecorded;
import no.helsefellesskap.model.events.CompetenceRequirement;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.TaskAssessed;
import no.helsefellesskap.model.events.TaskRegistered;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model's page, opened from a pilot that follows it: why it is PROVEN (the rule and the evaluation that met it),
 * its adopters on the map, its competence requirements, and for the signed-in municipality its own counts against
 * them by the competence registry's rule (short, missing though counted, missing with no count), each as the API gives it.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class ModelPageBrowserTest extends InBrowser {

    @Test
    void aSignedInMunicipalitySeesWhyTheModelIsProvenWhereItSpreadAndItsOwnCompetenceGap() {
        String orgnr = OrganisationPagesBrowserTest.freshOrgnr();
        String p = OrganisationPagesBrowserTest.memberOfNewPartnership("KOMMUNE-M" + orgnr, "MUNICIPALITY",
                "Modellkommune " + orgnr, orgnr);
        UUID task = UUID.randomUUID();
        Events.publish(EventTypes.TASK_REGISTERED, task, new TaskRegistered(task, "Tilberede IV-legemidler", null,
                "MEDICATION", List.of(), List.of("SP"), false, List.of(), DashboardData.HF, Instant.now()));
        Events.publish(EventTypes.TASK_ASSESSED, task, new TaskAssessed(task, null, null, "YES",
                List.of("AUT_APOTEKTEKNIKER", "IV_TILBEREDNING_BLANDEKORT", "PRODUKSJONSROM_ERFARING"),
                List.of("APOTEKTEKNIKER"), List.of(), null, Instant.now()));
        UUID model = UUID.randomUUID();
        Events.publish(EventTypes.MODEL_PUBLISHED, model, new ModelPublished(model, 1, null, "Apotekteknikere på medisinrom "
                + orgnr, "TASK_SHIFTING", List.of(task), List.of("SP"), List.of("APOTEKTEKNIKER"), List.of(
                new CompetenceRequirement("AUT_APOTEKTEKNIKER", "APOTEKTEKNIKER", 4, false),
                new CompetenceRequirement("IV_TILBEREDNING_BLANDEKORT", "APOTEKTEKNIKER", 2, false),
                new CompetenceRequirement("PRODUKSJONSROM_ERFARING", "APOTEKTEKNIKER", 1, true)), null,
                "NOT_EVALUATED", "PUBLISHED", DashboardData.HF, Instant.now()));
        UUID pilot = Events.pilot("Medisinrom " + orgnr, DashboardData.HF, p, List.of(), List.of(task), model);
        Events.status(EventTypes.PILOT_COMPLETED, pilot, DashboardData.HF, "RUNNING", "COMPLETED", LocalDate.now(), null);
        UUID evaluation = UUID.randomUUID();
        Events.publishedEvaluation(evaluation, pilot, model, "SPREAD");
        Events.publish(EventTypes.MODEL_PROVEN, model, new ModelProven(model, 1, "evidence-rule v1: one external evaluation",
                List.of(evaluation), Instant.now()));
        UUID adoption = UUID.randomUUID();
        Events.publish(EventTypes.ADOPTION_DECLARED, adoption, new AdoptionChanged(adoption, model, 1, orgnr, pilot, null,
                "DECLARED", null, null, Instant.now(), LocalDate.now(), "DAY", null));
        // the municipality's own counts: three authorised pharmacy technicians (four required: short), counted none
        // with the IV card (missing), and no count of production-room experience in the required group
        Events.publish(EventTypes.COMPETENCE_PROFILE_RECORDED, UUID.randomUUID(), new CompetenceProfileRecorded(
                UUID.randomUUID(), orgnr, "Legemiddelteamet", "APOTEKTEKNIKER", "AUT_APOTEKTEKNIKER", 3, LocalDate.now(), "DAY"));
        Events.publish(EventTypes.COMPETENCE_PROFILE_RECORDED, UUID.randomUUID(), new CompetenceProfileRecorded(
                UUID.randomUUID(), orgnr, "Legemiddelteamet", "APOTEKTEKNIKER", "IV_TILBEREDNING_BLANDEKORT", 0, LocalDate.now(), "DAY"));
        // a count in another group does not make the receiving group able to do it
        Events.publish(EventTypes.COMPETENCE_PROFILE_RECORDED, UUID.randomUUID(), new CompetenceProfileRecorded(
                UUID.randomUUID(), orgnr, "Sengeposten", "SP", "PRODUKSJONSROM_ERFARING", 5, LocalDate.now(), "DAY"));

        String token = TestTokens.token(orgnr, "subscriber");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            JsonPath m = model(token, model);
            return m.getList("adoptions").size() == 1 && m.getList("gap.rows").size() == 3
                    && m.getString("versions[0].provenAt") != null && m.getList("evidence").size() == 1
                    && m.getList("gap.rows.counted").equals(List.of(true, true, false));
        });
        JsonPath api = model(token, model);
        // the competence registry's rule, applied by its own oracle here: 3 of 4 is short, 0 of 2 and nothing of 1 missing
        assertEquals(List.of("SHORT", "MISSING", "MISSING"), api.getList("gap.rows.status"));
        assertEquals(List.of(3, 0, 0), api.getList("gap.rows.available"));
        assertEquals(List.of(1, 2, 1), api.getList("gap.rows.shortfall"));
        assertEquals("GAPS", api.getString("gap.verdict"));
        assertEquals(1, api.getInt("evidence[0].provesVersion"));
        assertEquals(1, api.getInt("adopterMap.find { it.code == '" + p + "' }.adopters"));
        assertTrue(model(TestTokens.token(null, "programme-admin"), model).get("gap") == null, "no organisation, no gap");
        given().header("Authorization", "Bearer " + token).get("/api/models/" + UUID.randomUUID()).then().statusCode(404);

        // from the pilot that follows it, in the same session
        browser.get(base + "pilot.html?id=" + pilot + "#token=" + token);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        browser.findElement(By.cssSelector("#lineage a[data-model='" + model + "']")).click();
        wait.until(b -> b.getCurrentUrl().contains("model.html?id=" + model)
                && "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertEquals("Apotekteknikere på medisinrom " + orgnr, browser.findElement(By.id("model-title")).getText().strip());
        assertEquals("GAPS", browser.findElement(By.cssSelector("#fit [data-verdict]")).getDomAttribute("data-verdict"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#fit tbody tr"));
        assertEquals(3, rows.size());
        assertEquals(List.of("SHORT", "MISSING", "MISSING"), rows.stream()
                .map(r -> r.findElement(By.cssSelector("[data-gap]")).getDomAttribute("data-gap")).toList());
        assertTrue(rows.get(2).getText().contains("ingen telling registrert"), rows.get(2).getText());
        assertTrue(!rows.get(1).getText().contains("ingen telling registrert"), "counted, and none: " + rows.get(1).getText());
        assertTrue(browser.findElement(By.id("why")).getText().contains("evidence-rule v1: one external evaluation"));
        assertTrue(browser.findElement(By.cssSelector("#why a[data-pilot='" + pilot + "']")).isDisplayed());
        assertEquals("1", browser.findElement(By.cssSelector(".adopter-map [data-partnership='" + p + "']"))
                .getDomAttribute("data-adopters"));
        assertEquals(3, browser.findElements(By.cssSelector("#requirements tbody tr")).size());
        assertEquals(List.of(), Axe.violations(browser), "the model page");
    }

    static JsonPath model(String token, UUID model) {
        return given().header("Authorization", "Bearer " + token).get("/api/models/" + model).then().statusCode(200)
                .extract().jsonPath();
    }
}
