package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.WebhookReceiver;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.OrganisationChanged;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A municipality and a hospital trust signed in, in Debian's headless Chromium: each sees its own partnership and
 * pilots first; the municipality manages its subscriptions on its own page; what the pages show is checked against
 * the API.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class OrganisationPagesBrowserTest extends InBrowser {

    /** A valid organisation number no other test uses. */
    static String freshOrgnr() {
        while (true) {
            String first8 = String.valueOf(ThreadLocalRandom.current().nextInt(80_000_000, 99_999_999));
            Integer check = OrganisationNumber.checkDigit(first8);
            if (check != null) {
                return first8 + check;
            }
        }
    }

    /** An organisation that is the only member of a partnership of its own; returns the partnership's code. */
    static String memberOfNewPartnership(String code, String kind, String name, String orgnr) {
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new OrganisationChanged(code, kind, name, orgnr, null,
                null, null, null, null));
        String partnership = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Events.partnership(partnership, "Testfellesskap " + partnership, code);
        return partnership;
    }

    static JsonPath mine(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/dashboard/mine").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theMunicipalityCreatesASubscriptionWithFiltersSeesADeliveryInItsLogAndRotatesItsSecret() throws Exception {
        String orgnr = freshOrgnr();
        String code = "KOMMUNE-T" + orgnr;
        String p = memberOfNewPartnership(code, "MUNICIPALITY", "Testkommune " + orgnr, orgnr);
        String token = TestTokens.token(orgnr, "subscriber");
        await().atMost(Duration.ofSeconds(30)).until(() -> mine(token).getList("partnerships.code").contains(p));

        // signed in, the municipality sees its own partnership first
        browser.get(base + "#token=" + token);
        loaded();
        wait.until(b -> b.getCurrentUrl().contains("partnership=" + p));
        assertEquals(p, browser.findElement(By.id("filter-partnership")).getDomProperty("value"));
        assertTrue(browser.findElement(By.id("mine")).getText().contains("Testkommune " + orgnr));
        // the partnership's page names it and its members; the whole country is one link away, and stays chosen
        WebElement panel = browser.findElement(By.id("partnership-panel"));
        assertTrue(panel.getText().contains("Testfellesskap " + p), panel.getText());
        browser.findElement(By.cssSelector("#partnership-panel summary")).click();
        assertTrue(panel.getText().contains("Testkommune " + orgnr), panel.getText());
        browser.findElement(By.id("to-country")).click();
        wait.until(b -> b.getCurrentUrl().contains("partnership=&") || b.getCurrentUrl().endsWith("partnership="));
        loaded();
        wait.until(b -> !b.findElement(By.id("partnership-panel")).isDisplayed());
        assertEquals("", browser.findElement(By.id("filter-partnership")).getDomProperty("value"));
        browser.navigate().refresh();
        loaded();
        assertEquals("", browser.findElement(By.id("filter-partnership")).getDomProperty("value"), "still the country");
        browser.findElement(By.id("to-subscriptions")).click();
        wait.until(b -> b.getCurrentUrl().contains("subscriptions.html"));
        loaded();
        assertTrue(browser.findElements(By.cssSelector("#error p")).isEmpty(), "the same session");

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // a refused draft names its field and stores nothing
            browser.findElement(By.id("new")).click();
            browser.findElement(By.id("sub-name")).sendKeys("Utfall i vårt helsefellesskap");
            browser.findElement(By.id("sub-kommunenummer")).sendKeys("30, abc");
            browser.findElement(By.cssSelector("#form button[type=submit]")).click();
            wait.until(b -> !b.findElements(By.cssSelector("#error li[data-field^='filters.kommunenummer']")).isEmpty());
            assertEquals("true", browser.findElement(By.id("sub-kommunenummer")).getDomAttribute("aria-invalid"));
            assertEquals(0, subscriptions(token).getList("$").size(), "nothing stored");

            WebElement numbers = browser.findElement(By.id("sub-kommunenummer"));
            numbers.clear();
            browser.findElement(By.id("sub-webhookUrl")).sendKeys(receiver.url());
            browser.findElement(By.cssSelector("#sub-partnerships input[value='" + p + "']")).click();
            browser.findElement(By.cssSelector("#sub-eventTypes input[value='"
                    + EventTypes.PILOT_REGISTERED.type() + "']")).click();
            browser.findElement(By.cssSelector("#form button[type=submit]")).click();
            wait.until(b -> !b.findElements(By.id("secret")).isEmpty());
            String secret = browser.findElement(By.id("secret")).getText().strip();
            assertTrue(secret.startsWith("whsec_"), secret);

            JsonPath saved = subscriptions(token);
            assertEquals(1, saved.getList("$").size());
            assertEquals(List.of(p), saved.getList("[0].filters.partnerships"));
            assertEquals(List.of(EventTypes.PILOT_REGISTERED.type()), saved.getList("[0].filters.eventTypes"));
            assertEquals(receiver.url(), saved.getString("[0].webhookUrl"));
            assertFalse(saved.getString("[0]").contains(secret), "the secret is shown once, never listed again");
            String id = saved.getString("[0].id");
            assertTrue(browser.findElement(By.id("list")).getText().contains("Utfall i vårt helsefellesskap"));

            // an event that matches arrives, signed with the secret the page showed, and its attempt is in the log
            receiver.secret = secret;
            UUID pilot = Events.pilot("Hjemmetjenesten tar blodprøver", DashboardData.HF, p, List.of(), List.of("SP"),
                    List.of("HF"), List.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            assertTrue(receiver.accepted().get(0).verified(), "verified with the secret shown on the page");
            String webhookId = receiver.accepted().get(0).webhookId();
            assertTrue(receiver.accepted().get(0).body().contains(pilot.toString()));

            browser.findElement(By.cssSelector("[data-action='showLog'][data-id='" + id + "']")).click();
            By delivered = By.cssSelector(".delivery[data-delivery='" + webhookId + "'][data-state='DELIVERED']");
            wait.withMessage(() -> "the log shows the delivery: " + browser.findElement(By.id("main")).getText())
                    .until(b -> {
                if (b.findElements(delivered).isEmpty()) {
                    b.findElement(By.cssSelector("#log-body [data-action='showLog']")).click(); // refresh
                    return false;
                }
                return true;
            });
            String log = browser.findElement(delivered).getText();
            JsonPath api = given().header("Authorization", "Bearer " + token)
                    .get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertEquals(webhookId, api.getString("[0].webhookId"));
            assertEquals(200, api.getInt("[0].log[0].statusCode"));
            assertTrue(log.contains("Forsøk 1") && log.contains("200") && log.contains("levert"), log);

            // rotating shows a new secret once; the next delivery verifies with it
            browser.findElement(By.cssSelector("[data-action='rotate'][data-id='" + id + "']")).click();
            wait.until(b -> !b.findElements(By.id("secret")).isEmpty()
                    && !secret.equals(b.findElement(By.id("secret")).getText().strip()));
            String rotated = browser.findElement(By.id("secret")).getText().strip();
            assertNotEquals(secret, rotated);
            assertTrue(rotated.startsWith("whsec_"), rotated);
            receiver.secret = rotated;
            Events.pilot("Portører tar blodprøver", DashboardData.HF, p, List.of(), List.of("SP"), List.of("PORTOR"),
                    List.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 2);
            assertTrue(receiver.accepted().get(1).verified(), "verified with the rotated secret");
        }
    }

    @Test
    void theTrustSeesItsOwnPilotsOverdueFirstAndOpensItsOverduePilot() {
        String orgnr = freshOrgnr();
        String p = memberOfNewPartnership("HF-T" + orgnr, "HF", "Testsykehuset " + orgnr, orgnr);
        UUID running = Events.pilot("Farmasøyter blander legemidler " + orgnr, orgnr, p, List.of(), List.of("SP"),
                List.of("FARMASOYT"), List.of(), null);
        Events.status(EventTypes.PILOT_STARTED, running, orgnr, "PLANNED", "RUNNING", LocalDate.now(), null);
        UUID overdue = Events.pilot("Portører tar blodprøver " + orgnr, orgnr, p, List.of(), List.of("SP"),
                List.of("PORTOR"), List.of(), null);
        Events.status(EventTypes.PILOT_STARTED, overdue, orgnr, "PLANNED", "RUNNING", LocalDate.now().minusMonths(20), null);
        Events.status(EventTypes.PILOT_COMPLETED, overdue, orgnr, "RUNNING", "COMPLETED", LocalDate.now().minusMonths(14),
                null);
        Events.overdue(overdue, orgnr);
        String token = TestTokens.token(orgnr, "registrar");
        await().atMost(Duration.ofSeconds(30)).until(() -> mine(token).getInt("overdue") == 1
                && mine(token).getList("pilots").size() == 2);
        JsonPath api = mine(token);
        assertEquals(overdue.toString(), api.getString("pilots[0].id"), "overdue first");
        assertTrue(api.getBoolean("pilots[0].overdue"));
        assertFalse(api.getBoolean("pilots[1].overdue"));

        browser.get(base + "#token=" + token);
        loaded();
        wait.until(b -> b.getCurrentUrl().contains("partnership=" + p));
        wait.until(b -> b.findElements(By.cssSelector("#mine tbody tr")).size() == 2);
        List<WebElement> rows = browser.findElements(By.cssSelector("#mine tbody tr"));
        assertTrue(rows.get(0).getText().contains("Portører tar blodprøver " + orgnr) && rows.get(0).getText()
                .contains("Forfalt"), rows.get(0).getText());
        assertFalse(rows.get(1).getText().contains("Forfalt"), rows.get(1).getText());
        assertTrue(browser.findElement(By.id("mine")).getText().contains("1 av pilotene dine har forfalt evaluering"));

        browser.findElement(By.cssSelector("#mine a[data-pilot='" + overdue + "']")).click();
        wait.until(b -> b.getCurrentUrl().contains("pilot.html?id=" + overdue));
        loaded();
        assertEquals("Portører tar blodprøver " + orgnr, browser.findElement(By.id("pilot-title")).getText().strip());
        assertTrue(browser.findElement(By.cssSelector("#pilot .overdue")).getText().contains("Evaluering forfalt"));
        assertTrue(browser.findElements(By.cssSelector("#error p")).isEmpty(), "the same session");
    }

    /**
     * The map of Norway from the shipped boundary file: a municipality takes its partnership's shade and says which
     * partnership it is in; a click chooses that partnership.
     */
    @Test
    void theMapOfNorwayShowsAMunicipalityInItsPartnershipAndAClickChoosesIt() {
        String orgnr = freshOrgnr();
        String code = "KOMMUNE-4216-" + orgnr;
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new OrganisationChanged(code, "MUNICIPALITY", "Birkenes",
                orgnr, null, "4216", null, null, null));
        String p = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Events.partnership(p, "Kartfellesskap " + p, code);
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer " + admin)
                .get("/api/dashboard/partnership-map").then().extract().jsonPath()
                .getList("findAll { it.kommunenummer == '4216' }.partnership").contains(p));

        browser.get(base + "#token=" + admin);
        loaded();
        WebElement map = browser.findElement(By.cssSelector(".norway-map"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", map);
        wait.until(b -> b.findElements(By.cssSelector(".norway-map path")).size() == 357);
        WebElement birkenes = browser.findElement(By.cssSelector(".norway-map path[data-kommune='4216']"));
        assertEquals(p, birkenes.getDomAttribute("data-partnership"));
        assertTrue(birkenes.findElement(By.tagName("title")).getDomProperty("textContent").startsWith("Birkenes: Kartfellesskap " + p));
        assertTrue(map.getText().contains("Kartverket") || browser.findElement(By.cssSelector(".norway-map .legend-note"))
                .getText().contains("Kartverket"), "the boundaries' source is named");
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(birkenes).click().perform();
        wait.until(b -> b.getCurrentUrl().contains("partnership=" + p));
    }

    /** A programme administrator's token names no organisation: no panel, the whole country. */
    @Test
    void anAdministratorHasNoOrganisationOfItsOwn() {
        JsonPath api = mine(TestTokens.token(null, "programme-admin"));
        assertTrue(api.get("organisation") == null);
        assertEquals(0, api.getList("pilots").size());
    }

    static JsonPath subscriptions(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/subscriptions").then().statusCode(200)
                .extract().jsonPath();
    }
}
