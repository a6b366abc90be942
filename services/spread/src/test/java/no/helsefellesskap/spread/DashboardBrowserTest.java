package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard page in Debian's headless Chromium (no browser download), against the running service. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class DashboardBrowserTest extends InBrowser {

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
                            List.of(), p, List.of(), List.of(), List.of(), null, null, null, sources, null, null, null, null, null,
                            null, null, null));
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

    /**
     * The administrator finds the partnerships that lag: the comparison shows each partnership's own figures (as the
     * API gives them), sorts by overdue evaluations with the most first, marks the programme median, and a click on a
     * partnership shows the page for it.
     */
    @Test
    void theAdministratorFindsTheLaggingPartnershipAndOpensAPilotFromAChart() {
        DashboardData d = DashboardData.write();
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> comparisonRow(admin, d.partnership) != null
                && ((Number) comparisonRow(admin, d.partnership).get("pilots")).intValue() == 5
                && ((Number) comparisonRow(admin, d.partnership).get("overdue")).intValue() == 1);

        browser.get(base + "#token=" + admin);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        By table = By.cssSelector("#fig-partnershipComparison table");
        wait.until(b -> !b.findElements(table).isEmpty());
        List<String> cells = rowCells(d.partnership);
        // pilots, planned, running, completed, abandoned, share evaluated, overdue, proven adoptions, freed time
        assertEquals(List.of("5", "1", "1", "2", "1", "50 %", "1", "1"), cells.subList(0, 8).stream()
                .map(c -> c.replace('\u00a0', ' ')).toList());
        assertTrue(browser.findElement(table).getText().contains("Programmets median"));

        browser.findElement(By.cssSelector("#fig-partnershipComparison button[data-sort='overdue']")).click();
        wait.until(b -> "descending".equals(b.findElement(By.xpath(
                "//*[@id='fig-partnershipComparison']//th[.//button[@data-sort='overdue']]")).getDomAttribute("aria-sort")));
        List<Integer> overdue = browser.findElements(By.cssSelector("#fig-partnershipComparison tbody tr:not(.median)"))
                .stream().map(tr -> tr.findElements(By.tagName("td")).get(6).getText().strip())
                .map(Integer::parseInt).toList();
        for (int i = 1; i < overdue.size(); i++) {
            assertTrue(overdue.get(i - 1) >= overdue.get(i), "most overdue first: " + overdue);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = given().header("Authorization", "Bearer " + admin).get("/api/dashboard")
                .then().extract().jsonPath().getList("figures.partnershipComparison.partnerships");
        assertEquals(rows.stream().mapToInt(r -> ((Number) r.get("overdue")).intValue()).max().orElseThrow(),
                overdue.get(0), "the first row lags most, as the API says");

        browser.findElement(By.cssSelector("#fig-partnershipComparison table button.link[data-partnership='"
                + d.partnership + "']")).click();
        wait.until(b -> b.getCurrentUrl().contains("partnership=" + d.partnership));
        wait.until(b -> "5".equals(b.findElement(By.id("kpi-pilots-value")).getText().strip()));

        // from the chart: the bar of completed pilots opens its records, and the overdue one opens its page
        WebElement canvas = browser.findElement(By.cssSelector("#fig-pilotsByStatus canvas"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", canvas);
        wait.until(b -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "return Chart.getChart(arguments[0]) !== undefined", canvas)));  // drawn once it scrolls into view
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const c = arguments[0], chart = Chart.getChart(c), i = chart.data.labels.indexOf(arguments[1]);
                const p = chart.getDatasetMeta(0).data[i].getCenterPoint(), r = c.getBoundingClientRect();
                return [p.x - r.width / 2, p.y - r.height / 2];""", canvas, "Fullført");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(canvas, at.get(0).intValue(), at.get(1).intValue()).click().perform();
        wait.withMessage(() -> "records after a click at " + at + ": " + browser.findElement(By.id("records")).getText()
                + " hidden=" + browser.findElement(By.id("records")).getDomAttribute("hidden"))
                .until(b -> b.findElement(By.id("records")).getText().contains("Forsinket " + d.partnership));
        List<String> completed = given().header("Authorization", "Bearer " + admin)
                .queryParam("figure", "pilotsByStatus").queryParam("key", "COMPLETED")
                .queryParam("partnership", d.partnership).get("/api/dashboard/records").then().extract()
                .jsonPath().getList("records.title");
        assertEquals(completed.size(), browser.findElements(By.cssSelector("#records tbody tr")).size(),
                "the records the API counts under the bar: " + completed);
        browser.findElement(By.cssSelector("#records a[href*='" + d.overdue + "']")).click();
        wait.until(b -> b.getCurrentUrl().contains("pilot.html?id=" + d.overdue)
                && "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertEquals("Forsinket " + d.partnership, browser.findElement(By.id("pilot-title")).getText().strip());
    }

    private List<String> rowCells(String partnership) {
        WebElement name = browser.findElement(By.cssSelector("#fig-partnershipComparison table button.link[data-partnership='"
                + partnership + "']"));
        WebElement tr = name.findElement(By.xpath("./ancestor::tr"));
        return tr.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparisonRow(String admin, String partnership) {
        List<Map<String, Object>> rows = given().header("Authorization", "Bearer " + admin).get("/api/dashboard")
                .then().extract().jsonPath().getList("figures.partnershipComparison.partnerships");
        return rows == null ? null : rows.stream().filter(r -> partnership.equals(r.get("code"))).findFirst().orElse(null);
    }

    /**
     * A record opens its pilot's page in the same signed-in session (not the raw API): the structured case the
     * owner registered (sites, staffing, funding, preconditions, forsvarlighet, baseline plan, adaptations), the
     * owner's name, the contact role mailbox and the sources, each as the API gives it.
     */
    @Test
    void aRecordOpensItsPilotsPageInTheSameSessionWithTheStructuredCase() {
        String p = WebhookDeliveryTest.partnership();
        java.util.UUID id = java.util.UUID.randomUUID();
        Events.publish(no.helsefellesskap.model.events.EventTypes.ORGANISATION_CHANGED, "test-hf",
                new no.helsefellesskap.model.events.OrganisationChanged("test-hf", "HF", "Testsykehuset HF",
                        DashboardData.HF, null, null, null, null, null));
        Events.publish(no.helsefellesskap.model.events.EventTypes.PILOT_REGISTERED, id,
                new no.helsefellesskap.model.events.PilotRegistered(id, "Sidepilot " + p, DashboardData.HF, "PLANNED",
                        java.time.Instant.now(), null, null, List.of(), List.of("SP"), List.of("HF"), p, List.of(),
                        List.of(), List.of(), null, null, null, List.of("seed-000.md L1566-1576"),
                        "oppgavedeling@ahus.no", List.of("Medisinsk sengepost 2"),
                        List.of(new no.helsefellesskap.model.events.PilotRegistered.Staffing("HF", 4)),
                        List.of(new no.helsefellesskap.model.events.PilotRegistered.Funding("Egen drift", 250000L)),
                        List.of(new no.helsefellesskap.model.events.PilotRegistered.Precondition("TRAINING", "DONE",
                                "Kurs holdt av bioingeniører")),
                        "Vurdert forsvarlig av avdelingsledelsen", "Tidsstudie to uker før start",
                        List.of(new no.helsefellesskap.model.events.PilotRegistered.Adaptation("Kortere kurs",
                                "Mindre opplæringstid"))));
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer " + admin)
                .get("/api/pilots/" + id).statusCode() == 200);
        var api = given().header("Authorization", "Bearer " + admin).get("/api/pilots/" + id).then().extract().jsonPath();
        assertEquals("Testsykehuset HF", api.getString("organisationNames." + DashboardData.HF));
        assertEquals(List.of("Medisinsk sengepost 2"), api.getList("details.sites"));

        browser.get(base + "?partnership=" + p + "#token=" + admin);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        browser.findElement(By.cssSelector("button.count[data-figure='pilotsByStatus'][data-key='PLANNED']"))
                .sendKeys(Keys.ENTER);
        wait.until(b -> b.findElement(By.id("records")).getText().contains("Sidepilot " + p));
        WebElement open = browser.findElement(By.cssSelector("#records a[href*='" + id + "']"));
        assertTrue(open.getDomAttribute("href").contains("/pilot.html?id="), "a page, not the API: " + open.getDomAttribute("href"));
        open.click();

        wait.until(b -> b.getCurrentUrl().contains("pilot.html") && "true".equals(
                b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        String page = browser.findElement(By.id("pilot")).getText();
        assertEquals("Sidepilot " + p, browser.findElement(By.id("pilot-title")).getText().strip());
        for (String shown : List.of("Testsykehuset HF (" + DashboardData.HF + ")", "Medisinsk sengepost 2",
                "Kurs holdt av bioingeniører", "Vurdert forsvarlig av avdelingsledelsen", "Tidsstudie to uker før start",
                "Egen drift", "Kortere kurs", "Mindre opplæringstid", "oppgavedeling@ahus.no", "seed-000.md L1566-1576")) {
            assertTrue(page.contains(shown), "the page shows " + shown + ":\n" + page);
        }
        assertTrue(browser.findElements(By.cssSelector("#error p")).isEmpty(), "signed in without asking again");
        assertEquals("mailto:oppgavedeling@ahus.no",
                browser.findElement(By.cssSelector("#contact a")).getDomAttribute("href"));
    }

    /**
     * An outcome reported month by month opens as a run chart on its pilot's page: the median, each point's signals
     * by the run rules (here a shift on each side after the change, known by construction), the change made, and the
     * same numbers as the API.
     */
    @Test
    void anOutcomeSeriesShowsAsARunChartWithItsSignalsAndChanges() {
        String p = WebhookDeliveryTest.partnership();
        UUID pilot = DashboardData.pilotWithSeries(p);
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> given()
                .header("Authorization", "Bearer " + admin).get("/api/pilots/" + pilot).then().extract().jsonPath()
                .getInt("evaluations.size()") == 1);
        var api = given().header("Authorization", "Bearer " + admin).get("/api/pilots/" + pilot).then().extract()
                .jsonPath();
        assertEquals(15.5f, api.getFloat("evaluations[0].outcomes[0].runChart.median"));
        assertEquals(List.of("SHIFT", "SHIFT"), api.getList("evaluations[0].outcomes[0].runChart.runs.signal"));

        browser.get(base + "#token=" + admin);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        browser.get(base + "pilot.html?id=" + pilot);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        WebElement figure = browser.findElement(By.cssSelector("figure.run-chart"));
        List<WebElement> rows = figure.findElements(By.cssSelector("tbody tr"));
        assertEquals(12, rows.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(String.join(" ", api.getList("evaluations[0].outcomes[0].runChart.signals[" + i + "]")),
                    rows.get(i).findElement(By.cssSelector("[data-signals]")).getDomAttribute("data-signals"));
        }
        assertTrue(rows.get(6).getText().contains("skift"), rows.get(6).getText());
        assertTrue(figure.getText().contains("Signaler: skift."), figure.getText());
        assertTrue(figure.getText().contains("2025-06-15: porters trained"), figure.getText());
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]) !== undefined && Chart.getChart(arguments[0]).data.datasets[0].data.length === 12",
                figure.findElement(By.tagName("canvas"))), "the chart is drawn with every point");
    }

    /**
     * Honest loading: the service cannot be reached at first (the browser blocks the dashboard's API): the page says
     * so in its own language and when it will try again, never "disconnected" before any connection; when the
     * service answers, the retry loads the figures and the message goes.
     */
    @Test
    void aFailedLoadIsSaidInThePagesLanguageAndRetriedUntilItWorks() {
        String admin = TestTokens.token(null, "programme-admin");
        var chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/dashboard?*", "*/api/dashboard")));
        browser.get(base + "#token=" + admin);
        wait.until(b -> b.findElement(By.id("error")).getText().contains("Fikk ikke kontakt med tjenesten."));
        String error = browser.findElement(By.id("error")).getText();
        assertTrue(error.contains("Prøver igjen om"), error);
        assertTrue(!"disconnected".equals(browser.findElement(By.id("live-connection")).getDomAttribute("data-state")),
                "no 'disconnected' before the first connection");
        assertTrue(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded") == null, "not shown as loaded");

        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        loaded();
        wait.until(b -> b.findElement(By.id("error")).getText().isBlank());
        assertTrue(!browser.findElement(By.id("kpi-pilots-value")).getText().strip().equals("–"), "the figures came");
    }

    /**
     * Reading and sharing: the language stays in the address (a shared link opens in English), every figure's table
     * downloads as CSV with the numbers shown, a chart as PNG, and a printout leaves the controls out and prints
     * long tables in full.
     */
    @Test
    void aViewIsSharedInItsLanguageDownloadedAsCsvAndPngAndPrintedWithoutControls() {
        DashboardData d = DashboardData.write();
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer " + admin)
                .queryParam("partnership", d.partnership).get("/api/dashboard").then().extract()
                .jsonPath().getInt("figures.pilotsByStatus.total") == 5);
        browser.get(base + "?partnership=" + d.partnership + "#token=" + admin);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        // the published results are searched in place, and a result's name opens its pilot's page
        WebElement q = browser.findElement(By.id("published-q"));
        q.sendKeys("Evaluert " + d.partnership);
        q.submit();
        wait.until(b -> b.findElement(By.id("published-status")).getText().contains("1–1 av 1"));
        WebElement result = browser.findElement(By.cssSelector("#fig-publishedOutcomes a[data-pilot='" + d.evaluated + "']"));
        assertTrue(result.getDomAttribute("href").endsWith("/pilot.html?id=" + d.evaluated), result.getDomAttribute("href"));
        assertEquals(1, browser.findElements(By.cssSelector("#fig-publishedOutcomes a[data-pilot]")).size());

        browser.findElement(By.id("lang-switch")).click();
        wait.until(b -> b.getCurrentUrl().contains("lang=en") && b.getCurrentUrl().contains("partnership=" + d.partnership));
        browser.navigate().refresh();
        wait.until(b -> "en".equals(b.findElement(By.tagName("html")).getDomAttribute("lang")));
        loaded(); // the page is in English at once; its figures follow

        WebElement csv = browser.findElement(By.cssSelector("#fig-pilotsByStatus a[data-download='csv']"));
        assertEquals("pilotsByStatus.csv", csv.getDomAttribute("download"));
        String href = csv.getDomAttribute("href");
        assertTrue(href.startsWith("data:text/csv;charset=utf-8,"), href);
        String body = java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = body.replace("\ufeff", "").lines().toList();
        assertTrue(lines.contains("Running,1") && lines.contains("Completed,2"), "the counts shown, as CSV: " + lines);

        WebElement png = browser.findElement(By.cssSelector("#fig-pilotsByStatus a[data-download='png']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].addEventListener('click', e => e.preventDefault(), { once: true }); arguments[0].click();", png);
        assertTrue(png.getDomAttribute("href").startsWith("data:image/png;base64,"), "the chart as PNG");

        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", "print"));
        assertTrue(!browser.findElement(By.id("filters")).isDisplayed(), "no filter form on paper");
        assertTrue(!browser.findElement(By.id("lang-switch")).isDisplayed(), "no buttons on paper");
        assertEquals("none", browser.findElement(By.cssSelector("#fig-partnershipComparison .table-wrap"))
                .getCssValue("max-height"), "long tables print in full");
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", ""));
    }

    private String count(String figure, String key) {
        return browser.findElement(By.cssSelector("button.count[data-figure='" + figure + "'][data-key='" + key + "']"))
                .getText().strip();
    }
}
