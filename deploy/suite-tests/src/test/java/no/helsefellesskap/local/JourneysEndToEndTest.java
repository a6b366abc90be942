package no.helsefellesskap.local;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.demo.DemoData;
import no.helsefellesskap.demo.DemoDataLoader;
import no.helsefellesskap.demo.LoadDemoData;
import no.helsefellesskap.infra.test.HeadlessChromium;
import no.helsefellesskap.infra.test.SseClient;
import no.helsefellesskap.infra.test.WebhookReceiver;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.helsefellesskap.client.evaluations.model.EvaluationBody;
import no.helsefellesskap.client.evaluations.model.Outcome;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole suite with the demo dataset, and the three user journeys: a hospital trust runs a pilot of a model to a
 * published evaluation; a municipality receives it (webhook, SSE, feed) and adopts the model; the programme
 * administrator sees all of it on the dashboard in a browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysEndToEndTest {

    static final int OFFSET = 300;
    static final String AHUS = "983971636";
    static final String LORENSKOG = "842566142";
    static final String PARTNERSHIP = "HFS-AHUS";
    static final String TITLE = "Apotekteknikere tilbereder legemidler på medisinrom – Ahus";

    Path data;
    Suite suite;
    WebhookReceiver receiver;
    String subscription;
    String modelId;
    String pilotId;

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("suite-journeys");
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        suite = new Suite(new Suite.Options(root, data, OFFSET, true, Duration.ofMinutes(5), Suite.withoutAotCache(System.getenv()))).start();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    void stop() throws IOException {
        if (receiver != null) {
            receiver.close();
        }
        if (suite != null) {
            suite.close();
        }
        Suite.deleteTree(data);
    }

    String url(String service, String path) {
        return "http://localhost:" + suite.ports().get(service) + path;
    }

    String token(String persona) {
        try {
            return "Bearer " + Files.readString(data.resolve("tokens/" + persona + ".jwt"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    DemoDataLoader loader() {
        return new DemoDataLoader(DemoData.packaged(), DemoDataLoader.Endpoints.local("localhost", OFFSET),
                LoadDemoData.signer(suite.keys()), Duration.ofSeconds(90));
    }

    @Test
    @Order(1)
    void theRealCasesLoadThroughTheApisOnceAndTheDashboardShowsThem() {
        DemoDataLoader.Report first = loader().load();
        assertTrue(first.refused.isEmpty(), "every record is accepted by the APIs:\n" + first);
        assertTrue(first.created() > 100, first.toString());
        int pilots = given().header("Authorization", token("programme-admin")).get(url("pilot-projects", "/api/pilots"))
                .then().statusCode(200).extract().path("size()");
        DemoDataLoader.Report second = loader().load();
        assertEquals(0, second.created(), "loading twice creates nothing:\n" + second);
        given().header("Authorization", token("programme-admin")).get(url("pilot-projects", "/api/pilots"))
                .then().body("size()", equalTo(pilots));

        // the SUS medicine-room pilots: ICU figures published, NICU discontinued for under-use (seeds/000); found
        // by searching the published results, as the README tells a reader to
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath d = dashboard(null);
            List<Object> values = given().header("Authorization", token("programme-admin"))
                    .get(url("spread", "/api/dashboard/published-outcomes?q=medisinrom&limit=100")).then().statusCode(200)
                    .extract().jsonPath().getList("items.outcomes.flatten().resultValue");
            for (float figure : new float[] {770f, 1768f, 691f, 1252f}) {
                assertTrue(values.contains(figure), figure + " (SUS ICU and NICU, seeds/000) in the published results");
            }
            assertTrue(d.getInt("figures.abandonmentReasons.buckets.find { it.key == 'pilot/UNDER_USE' }.count") >= 1);
        });
        String underUse = dashboard(null).getString("figures.abandonmentReasons.buckets.find { it.key == 'pilot/UNDER_USE' }.records");
        given().urlEncodingEnabled(false).header("Authorization", token("programme-admin")).get(url("spread", underUse))
                .then().body("records.title.flatten().toString()", org.hamcrest.Matchers.containsString("nyfødt"));
    }

    /**
     * Journey 1 as a municipality's or trust's developer would write it: only with the Java clients generated from the
     * services' OpenAPI documents at build time (openapi-generator, deploy/local-suite/pom.xml), no hand-written HTTP.
     */
    @Test
    @Order(2)
    void journey1AHospitalTrustRunsAPilotOfAModelToAPublishedEvaluationWithSpread() throws Exception {
        String ahus = token("hf-registrar-ahus");
        String lorenskog = token("municipality-lorenskog");
        // the municipality subscribed to its partnership beforehand (journey 2 receives what follows)
        var subscriptions = new no.helsefellesskap.client.spread.api.SubscriptionResourceApi(
                client(new no.helsefellesskap.client.spread.ApiClient(), "spread", lorenskog));
        var created = subscriptions.createSubscription(new no.helsefellesskap.client.spread.model.SubscriptionRequest()
                .name("Utfall i Helsefellesskapet Ahus").webhookUrl(receiver.url())
                .filters(new no.helsefellesskap.client.spread.model.SubscriptionFilters().partnerships(List.of(PARTNERSHIP))));
        subscription = created.getId().toString();
        receiver.secret = created.getSecret();
        assertTrue(receiver.secret.startsWith("whsec_"), "the signing secret, shown once");

        var models = new no.helsefellesskap.client.catalogue.api.ModelResourceApi(
                client(new no.helsefellesskap.client.catalogue.ApiClient(), "task-catalogue", ahus));
        modelId = models.findModels(null, null, null, null, null).stream()
                .filter(m -> m.getName().toLowerCase().contains("apotektekniker")).findFirst().orElseThrow(
                        () -> new AssertionError("a demo model moves drug preparation to pharmacy technicians"))
                .getModelId().toString();

        var pilots = new no.helsefellesskap.client.pilots.api.PilotResourceApi(
                client(new no.helsefellesskap.client.pilots.ApiClient(), "pilot-projects", ahus));
        var pilot = pilots.registerPilot(new no.helsefellesskap.client.pilots.model.PilotPlan().title(TITLE)
                .ownerOrgnr(AHUS).modelId(UUID.fromString(modelId)).modelVersion(1).fromGroups(List.of("SP"))
                .toGroups(List.of("APOTEKTEKNIKER")).partnerOrgnrs(List.of(LORENSKOG))
                .priorityGroups(List.of(no.helsefellesskap.client.pilots.model.PilotPlan.PriorityGroupsEnum.FRAIL_ELDERLY)));
        pilotId = pilot.getId().toString();
        assertEquals("PLANNED", pilot.getStatus());
        var asPartner = new no.helsefellesskap.client.pilots.api.PilotResourceApi(
                client(new no.helsefellesskap.client.pilots.ApiClient(), "pilot-projects", lorenskog));
        assertEquals("CONFIRMED", asPartner.confirmPartnership(pilot.getId(), LORENSKOG,
                new no.helsefellesskap.client.pilots.model.Answer()).getAnswer());
        assertEquals("RUNNING", pilots.startPilot(pilot.getId(),
                new no.helsefellesskap.client.pilots.model.DateBody().date(LocalDate.now().minusMonths(7))).getStatus());
        assertEquals("COMPLETED", pilots.completePilot(pilot.getId(),
                new no.helsefellesskap.client.pilots.model.DateBody().date(LocalDate.now().minusMonths(1))).getStatus());

        var evaluations = new no.helsefellesskap.client.evaluations.api.EvaluationResourceApi(
                client(new no.helsefellesskap.client.evaluations.ApiClient(), "evaluations", ahus));
        // evaluations learns the pilot from its topic
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> evaluations.getPilot(pilot.getId()) != null);
        var nurses = new no.helsefellesskap.client.evaluations.model.LineBody().id("nurses").label("nurse time freed")
                .group("SP").role(no.helsefellesskap.client.evaluations.model.Role.GROSS_FREED)
                .family(no.helsefellesskap.client.evaluations.model.Family.PER_DAY)
                .scope(no.helsefellesskap.client.evaluations.model.Scope.PILOT_SITES)
                .basis(no.helsefellesskap.client.evaluations.model.Basis.ESTIMATED)
                .scenarios(Map.of("low", minutes(5), "middle", minutes(10), "high", minutes(20)));
        var draft = evaluations.draftEvaluation(new EvaluationBody()
                .pilotId(pilot.getId()).evaluatorKind("INTERNAL").design(EvaluationBody.DesignEnum.BEFORE_AFTER)
                .evidenceLevel(EvaluationBody.EvidenceLevelEnum.MEASURED_BEFORE_AFTER)
                .recommendation(EvaluationBody.RecommendationEnum.SPREAD)
                .outcomes(List.of(new Outcome().dimension(Outcome.DimensionEnum.CORE_TASK_TIME)
                        .metric("nurse hours freed").unit("hours").resultValue(412.0).direction(Outcome.DirectionEnum.INCREASE)
                        .source("journey test")))
                .freedTime(List.of(nurses)));
        assertEquals("PUBLISHED", evaluations.publishEvaluation(draft.getId()).getStatus());
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROVEN".equals(
                models.getModel(UUID.fromString(modelId)).getLifecycle()));

        // a refusal reaches the client as the problem+json the API documents, not as a bare status
        var refused = org.junit.jupiter.api.Assertions.assertThrows(no.helsefellesskap.client.pilots.ApiException.class,
                () -> asPartner.startPilot(pilot.getId(), new no.helsefellesskap.client.pilots.model.DateBody()
                        .date(LocalDate.now())));
        assertEquals(403, refused.getCode(), "only the owner starts its pilot");
        assertTrue(refused.getResponseHeaders().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    }

    private static no.helsefellesskap.client.evaluations.model.Inputs minutes(double perDay) {
        return new no.helsefellesskap.client.evaluations.model.Inputs().baseArsverk(10.0).share(0.5).minutesPerDay(perDay);
    }

    /** A generated client of one service, with the persona's bearer token on every request. */
    private <C> C client(C apiClient, String service, String bearer) {
        java.util.function.Consumer<java.net.http.HttpRequest.Builder> auth = b -> b.header("Authorization", bearer);
        if (apiClient instanceof no.helsefellesskap.client.spread.ApiClient c) {
            c.updateBaseUri(url(service, ""));
            c.setRequestInterceptor(auth);
        } else if (apiClient instanceof no.helsefellesskap.client.catalogue.ApiClient c) {
            c.updateBaseUri(url(service, ""));
            c.setRequestInterceptor(auth);
        } else if (apiClient instanceof no.helsefellesskap.client.pilots.ApiClient c) {
            c.updateBaseUri(url(service, ""));
            c.setRequestInterceptor(auth);
        } else if (apiClient instanceof no.helsefellesskap.client.evaluations.ApiClient c) {
            c.updateBaseUri(url(service, ""));
            c.setRequestInterceptor(auth);
        }
        return apiClient;
    }

    @Test
    @Order(3)
    void journey2TheMunicipalityReceivesTheSignedWebhookSeesTheOutcomeInItsStreamAndFeedAndAdopts() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().stream().anyMatch(r ->
                EventTypes.EVALUATION_PUBLISHED.type().equals(r.type())
                        && pilotId.equals(r.json().path("data").path("pilotId").asText())));
        WebhookReceiver.Request hook = receiver.accepted().stream()
                .filter(r -> EventTypes.EVALUATION_PUBLISHED.type().equals(r.type())).findFirst().orElseThrow();
        assertTrue(hook.verified(), "signature verified with the Standard Webhooks library");
        assertEquals("SPREAD", hook.json().path("data").path("recommendation").asText());
        assertEquals(TITLE, hook.json().path("context").path("pilot").path("title").asText());

        try (SseClient stream = new SseClient(url("spread", "/api/subscriptions/" + subscription + "/events"),
                token("municipality-lorenskog"), "0")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.stream().anyMatch(e ->
                    EventTypes.EVALUATION_PUBLISHED.type().equals(e.name()) && e.data().contains(pilotId)));
        }
        given().header("Authorization", token("municipality-lorenskog"))
                .get(url("spread", "/api/subscriptions/" + subscription + "/feed.json")).then().statusCode(200)
                .body("items._oppgavedeling.data.pilotId", hasItem(pilotId))
                .body("items.title", hasItem(org.hamcrest.Matchers.startsWith("Evaluering publisert: " + TITLE)));

        given().header("Authorization", token("municipality-lorenskog")).contentType(ContentType.JSON)
                .body(Map.of("modelId", modelId, "modelVersion", 1, "learnedFromPilot", pilotId))
                .post(url("pilot-projects", "/api/adoptions")).then().statusCode(201)
                .body("adopterOrgnr", equalTo(LORENSKOG));
    }

    @Test
    @Order(4)
    void journey3TheProgrammeDashboardShowsThePilotEvaluationProvenModelAndAdoption() {
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(PARTNERSHIP)
                .getInt("figures.spreadCurves.find { it.modelId == '" + modelId + "' }.adopters") == 1);
        String admin = token("programme-admin").substring("Bearer ".length());
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(url("spread", "/?partnership=" + PARTNERSHIP + "#token=" + admin));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            // the proven model's spread curve counts the adopting municipality
            assertEquals("1", browser.findElement(By.cssSelector(
                    "button.count[data-figure='spreadCurves'][data-key='" + modelId + "']")).getText().strip());
            // the completed pilot opens to its record
            browser.findElement(By.cssSelector("button.count[data-figure='pilotsByStatus'][data-key='COMPLETED']"))
                    .sendKeys(Keys.ENTER);
            wait.until(b -> b.findElement(By.id("records")).getText().contains(TITLE));
            // the published evaluation and its outcome
            assertTrue(browser.findElement(By.id("fig-publishedOutcomes")).getText().contains("412"));
            assertTrue(Integer.parseInt(browser.findElement(By.cssSelector(
                    "button.count[data-figure='freedTime'][data-key='evaluations']")).getText().strip()) >= 1);
        } finally {
            browser.quit();
        }
    }

    /**
     * The whole country is known: every municipality is listed with its number, a subscription by today's kommunenummer
     * (3222 Lørenskog, 3029 until 2024) receives Lørenskog's pilots, and Bodø's own token registers a pilot with no
     * administrator adding Bodø first, in the partnership of its hospital trust (Nordlandssykehuset).
     */
    @Test
    @Order(5)
    void everyMunicipalityIsKnownAndActsOnItsOwnToken() {
        List<Map<String, Object>> municipalities = given().header("Authorization", token("programme-admin"))
                .get(url("pilot-projects", "/api/organisations?kind=MUNICIPALITY")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(municipalities.size() >= 357, "municipalities: " + municipalities.size());
        String sub = given().header("Authorization", token("municipality-lorenskog")).contentType(ContentType.JSON)
                .body(Map.of("name", "Lørenskog etter kommunenummer", "filters", Map.of("kommunenummer", List.of("3222"))))
                .post(url("spread", "/api/subscriptions")).then().statusCode(201).extract().path("id");
        String task = given().header("Authorization", token("hf-registrar-ahus")).get(url("task-catalogue", "/api/tasks"))
                .then().statusCode(200).extract().path("[0].id");
        String own = given().header("Authorization", token("municipality-lorenskog")).contentType(ContentType.JSON)
                .body(Map.of("title", "Lørenskog deler oppgaver", "ownerOrgnr", LORENSKOG, "taskIds", List.of(task),
                        "toGroups", List.of("HF")))
                .post(url("pilot-projects", "/api/pilots")).then().statusCode(201).extract().path("id");
        String bodo = given().header("Authorization", token("municipality-bodo")).contentType(ContentType.JSON)
                .body(Map.of("title", "Bodø deler oppgaver", "ownerOrgnr", "972418013", "taskIds", List.of(task),
                        "toGroups", List.of("HF")))
                .post(url("pilot-projects", "/api/pilots")).then().statusCode(201)
                .body("partnership", equalTo("HFS-NORDLAND")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", token("municipality-lorenskog"))
                .get(url("spread", "/api/subscriptions/" + sub + "/feed.json")).then().extract()
                .<List<String>>path("items._oppgavedeling.context.pilot.id").contains(own));
        List<String> received = given().header("Authorization", token("municipality-lorenskog"))
                .get(url("spread", "/api/subscriptions/" + sub + "/feed.json")).then().extract()
                .path("items._oppgavedeling.context.pilot.id");
        assertTrue(!received.contains(bodo), "Bodø's pilot is not Lørenskog's: " + received);
    }

    JsonPath dashboard(String partnership) {
        var r = given().header("Authorization", token("programme-admin"));
        if (partnership != null) {
            r = r.queryParam("partnership", partnership);
        }
        return r.get(url("spread", "/api/dashboard")).then().statusCode(200).extract().jsonPath();
    }
}
