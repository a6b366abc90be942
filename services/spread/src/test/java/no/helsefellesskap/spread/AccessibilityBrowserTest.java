package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.helsefellesskap.infra.test.Axe;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.infra.test.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core (WCAG 2.1 A and AA, and best practices) on every page in the states a user meets: the dashboard for the
 * country and for a signed-in organisation, a pilot's page with a run chart, and the subscriptions page with its
 * editor and delivery log open. No violation is allowed.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class AccessibilityBrowserTest extends InBrowser {

    private void noViolations(String page) {
        assertEquals(List.of(), Axe.violations(browser), page);
    }

    @Test
    void everyPageInEveryStateAUserMeetsHasNoAxeViolations() throws Exception {
        DashboardData d = DashboardData.write();
        UUID series = DashboardData.pilotWithSeries(d.partnership);
        String admin = TestTokens.token(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> given()
                .header("Authorization", "Bearer " + admin).get("/api/pilots/" + series).then().extract().jsonPath()
                .getInt("evaluations.size()") == 1);

        browser.get(base + "#token=" + admin);
        loaded();
        noViolations("the dashboard, whole country");
        browser.findElement(By.cssSelector("button.count[data-figure='pilotsByStatus'][data-key='RUNNING']")).click();
        wait.until(b -> !b.findElements(By.cssSelector("#records tbody tr")).isEmpty());
        noViolations("the dashboard with records open");

        browser.get(base + "pilot.html?id=" + series);
        loaded();
        wait.until(b -> !b.findElements(By.cssSelector("figure.run-chart canvas")).isEmpty());
        noViolations("a pilot's page with a run chart");

        String orgnr = OrganisationPagesBrowserTest.freshOrgnr();
        OrganisationPagesBrowserTest.memberOfNewPartnership("KOMMUNE-A" + orgnr, "MUNICIPALITY", "Testkommune " + orgnr,
                orgnr);
        String subscriber = TestTokens.token(orgnr, "subscriber");
        await().atMost(Duration.ofSeconds(30)).until(() -> OrganisationPagesBrowserTest.mine(subscriber)
                .getString("organisation.name") != null);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = given().header("Authorization", "Bearer " + subscriber).contentType(ContentType.JSON)
                    .body(Map.of("name", "Alt i landet", "filters", Map.of(), "webhookUrl", receiver.url()))
                    .post("/api/subscriptions").then().statusCode(201).extract();
            String id = created.path("id");
            receiver.secret = created.path("secret");
            Events.pilot("Tilgjengelig pilot " + orgnr, DashboardData.HF, d.partnership, List.of(), List.of(),
                    List.of(), List.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.accepted().isEmpty());

            browser.get(base + "#token=" + subscriber);
            loaded();
            wait.until(b -> b.findElement(By.id("mine")).isDisplayed());
            noViolations("the dashboard for a signed-in municipality");

            browser.get(base + "subscriptions.html");
            loaded();
            browser.findElement(By.id("new")).click();
            browser.findElement(By.cssSelector("[data-action='showLog'][data-id='" + id + "']")).click();
            wait.until(b -> !b.findElements(By.cssSelector("#log .delivery")).isEmpty());
            noViolations("the subscriptions page with the editor and the delivery log open");
        }
    }
}
