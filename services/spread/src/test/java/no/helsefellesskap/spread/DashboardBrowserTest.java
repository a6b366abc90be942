package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import no.helsefellesskap.infra.test.HeadlessChromium;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard page in Debian's headless Chromium (no browser download), against the running service. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageShowsKnownFiguresUpdatesLiveOnANewEventAndSwitchesLanguage() {
        DashboardData d = DashboardData.write();
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer " + admin)
                .queryParam("partnership", d.partnership).get("/api/dashboard").then().extract()
                .jsonPath().getInt("figures.pilotsByStatus.total") == 5);

        browser.get(base + "?partnership=" + d.partnership + "#token=" + admin);
        // the page re-renders a figure when an event arrives: an element read mid-render is simply read again
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertEquals("nb", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Oppgavedeling"));
        assertTrue(!browser.getCurrentUrl().contains("token="), "the token leaves the address bar");

        assertEquals("1", count("pilotsByStatus", "RUNNING"));
        assertEquals("2", count("pilotsByStatus", "COMPLETED"));
        assertEquals("1", browser.findElement(By.cssSelector("[data-figure='overdueEvaluations']")).getText().strip());
        assertEquals("1", count("abandonmentReasons", "pilot/UNDER_USE"));

        // a count opens the records it counts, by keyboard
        WebElement running = browser.findElement(By.cssSelector(
                "button.count[data-figure='pilotsByStatus'][data-key='RUNNING']"));
        running.sendKeys(Keys.ENTER);
        wait.until(b -> b.findElement(By.id("records")).getText().contains("Pågående " + d.partnership));

        // a new event arrives: the page updates without a reload
        int renders = Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-renders"));
        d.startPlanned();
        wait.until(b -> "2".equals(count("pilotsByStatus", "RUNNING")));
        assertTrue(Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-renders")) > renders);
        assertTrue(browser.findElement(By.id("live-status")).getText().contains("Oppdatert"));

        // the English switch
        WebElement lang = browser.findElement(By.id("lang-switch"));
        assertEquals("English", lang.getText().strip());
        lang.click();
        wait.until(b -> "en".equals(b.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Task sharing"));
        assertEquals("Norsk", browser.findElement(By.id("lang-switch")).getText().strip());
        assertEquals("2", count("pilotsByStatus", "RUNNING"));

        // labelled controls and charts from the library
        List<WebElement> canvases = browser.findElements(By.cssSelector("canvas[role='img'][aria-label]"));
        assertTrue(canvases.size() >= 8, "charts drawn: " + canvases.size());
        assertTrue((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return typeof Chart === 'function'"), "Chart.js loaded from the WebJar");
        assertTrue(!browser.findElement(By.cssSelector("label[for='filter-partnership']")).getText().isBlank());
    }

    /**
     * Found by users: probe records swamped the page and a pilot from the sources showed no source. Test and probe
     * organisations' pilots appear only when the switch is on (kept in the URL); a record shows its source.
     */
    @Test
    void sandboxRecordsAppearOnlyWhenAskedAndRecordsShowTheirSource() {
        String p = WebhookDeliveryTest.partnership();
        String sandboxOrgnr = SubscriptionMatchingPropertyTest.orgnr(new java.util.Random());
        String code = "SANDBOX-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Events.publish(no.helsefellesskap.model.events.EventTypes.ORGANISATION_CHANGED, code,
                new no.helsefellesskap.model.events.OrganisationChanged(code, "HF", "Lasttest", sandboxOrgnr, null, null,
                        null, null, null, true));
        java.util.UUID probe = java.util.UUID.randomUUID();
        java.util.UUID real = java.util.UUID.randomUUID();
        for (var pilot : List.of(new Object[] {probe, "Lasttestpilot", sandboxOrgnr, List.<String>of()},
                new Object[] {real, "Kildepilot " + p, DashboardData.HF, List.of("seed-003-a.md L120-L134")})) {
            @SuppressWarnings("unchecked")
            List<String> sources = (List<String>) pilot[3];
            Events.publish(no.helsefellesskap.model.events.EventTypes.PILOT_REGISTERED, pilot[0],
                    new no.helsefellesskap.model.events.PilotRegistered((java.util.UUID) pilot[0], (String) pilot[1],
                            (String) pilot[2], "PLANNED", java.time.Instant.now(), null, null, List.of(), List.of(),
                            List.of(), p, List.of(), List.of(), List.of(), null, null, null, sources, null));
        }
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer " + admin)
                .queryParam("partnership", p).queryParam("includeSandbox", true).get("/api/dashboard").then().extract()
                .jsonPath().getInt("figures.pilotsByStatus.total") == 2);

        browser.get(base + "?partnership=" + p + "#token=" + admin);
        // the page re-renders a figure when an event arrives: an element read mid-render is simply read again
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertEquals("1", count("pilotsByStatus", "PLANNED"));
        WebElement sandbox = browser.findElement(By.id("filter-sandbox"));
        assertTrue(!sandbox.isSelected());
        assertTrue(!browser.findElement(By.cssSelector("label[for='filter-sandbox']")).getText().isBlank());

        browser.findElement(By.cssSelector("button.count[data-figure='pilotsByStatus'][data-key='PLANNED']"))
                .sendKeys(Keys.ENTER);
        wait.until(b -> b.findElement(By.id("records")).getText().contains("Kildepilot " + p));
        assertTrue(browser.findElement(By.id("records")).getText().contains("seed-003-a.md L120-L134"),
                "the record shows its source");
        assertTrue(!browser.findElement(By.id("records")).getText().contains("Lasttestpilot"));

        sandbox.click();
        browser.findElement(By.cssSelector("#filters button[type='submit']")).click();
        wait.until(b -> "2".equals(count("pilotsByStatus", "PLANNED")));
        assertTrue(browser.getCurrentUrl().contains("includeSandbox=true"), "the switch is kept in the URL");
    }

    private String count(String figure, String key) {
        return browser.findElement(By.cssSelector("button.count[data-figure='" + figure + "'][data-key='" + key + "']"))
                .getText().strip();
    }
}
