package no.helsefellesskap.local;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.Tokens;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole suite as {@code ./run-suite} starts it (packaged services as child JVMs, embedded PostgreSQL, a KRaft
 * broker), on shifted ports so it does not collide with a suite a developer is running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    static final int OFFSET = 200;
    static final String AHUS = "983971636";
    static final String LORENSKOG = "842566142";

    Path data;
    Suite suite;
    String pilotId;

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("suite-e2e");
        suite = start(true);
    }

    private Suite start(boolean clean) {
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        return new Suite(new Suite.Options(root, data, OFFSET, clean, Duration.ofMinutes(5), Suite.withoutAotCache(System.getenv()))).start();
    }

    @AfterAll
    void stop() throws IOException {
        if (suite != null) {
            suite.close();
        }
        Suite.deleteTree(data);
    }

    @Test
    @Order(1)
    void everyServiceIsReadyDocumentedAndClosedWithoutAToken() {
        assertEquals(5, suite.ports().size());
        suite.ports().forEach((name, port) -> {
            given().get(url(name, "/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
            given().get(url(name, "/q/openapi")).then().statusCode(200);
        });
        for (String[] api : new String[][] {{"pilot-projects", "/api/pilots"}, {"spread", "/api/pilots"},
                {"competence-registry", "/api/personnel-groups"}, {"task-catalogue", "/api/tasks"},
                {"evaluations", "/api/evaluations/" + UUID.randomUUID()}}) {
            given().get(url(api[0], api[1])).then().statusCode(401).contentType("application/problem+json");
        }
        assertTrue(Files.exists(data.resolve("tokens/hf-registrar-ahus.jwt")));
        assertTrue(Files.exists(data.resolve("tokens/municipality-lorenskog.jwt")));
        assertTrue(Files.exists(data.resolve("tokens/programme-admin.jwt")));
    }

    /**
     * Swagger UI's "Try it out" on every service: with a demo token given to "Authorize", one operation (the code
     * lists, which any signed-in caller may read) goes out with the token and is answered 200 in the page.
     */
    @Test
    @Order(2)
    void swaggerUiTriesAnOperationOfEveryServiceWithADemoToken() throws IOException {
        String token = Files.readString(data.resolve("tokens/programme-admin.jwt")).strip();
        org.openqa.selenium.WebDriver browser = no.helsefellesskap.infra.test.HeadlessChromium.start();
        try {
            for (String name : suite.ports().keySet()) {
                browser.get(url(name, "/q/swagger-ui/"));
                var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30));
                String op = "[id$='-listCodeLists'] ";
                clickWhenReady(wait, "button.authorize");
                wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                        org.openqa.selenium.By.cssSelector(".modal-ux input"))).sendKeys(token);
                clickWhenReady(wait, ".modal-ux button.modal-btn.authorize");
                clickWhenReady(wait, ".modal-ux button.btn-done");
                clickWhenReady(wait, op + ".opblock-summary-control");
                clickWhenReady(wait, op + ".try-out__btn");
                clickWhenReady(wait, op + "button.execute");
                // the response row's status cell (the table's header cell says "Code")
                String status = wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                        org.openqa.selenium.By.cssSelector(op + ".live-responses-table tbody td.response-col_status")))
                        .getText().strip();
                assertTrue(status.startsWith("200"), name + ": Try it out answered " + status);
            }
        } finally {
            browser.quit();
        }
    }

    private static void clickWhenReady(org.openqa.selenium.support.ui.WebDriverWait wait, String css) {
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                org.openqa.selenium.By.cssSelector(css))).click();
    }

    /** Redocly CLI, pinned; fetched from the npm registry by npx on first use (.ci/run installs Node and npm). */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    /**
     * Every service's OpenAPI document, as a generated client or Swagger UI reads it, passes Redocly's recommended
     * rules (deploy/openapi/redocly.yaml): operation ids, security on every operation, described error responses.
     */
    @Test
    @Order(2)
    void everyApiDocumentPassesRedoclysRecommendedRules() throws Exception {
        Path dir = Path.of("target", "openapi");
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of("npx", "--yes", REDOCLY, "lint", "--config",
                Path.of("").toAbsolutePath().resolve("../openapi/redocly.yaml").normalize().toString()));
        for (String name : suite.ports().keySet()) {
            Path doc = dir.resolve(name + ".json");
            Files.writeString(doc, given().queryParam("format", "json").get(url(name, "/q/openapi")).then()
                    .statusCode(200).extract().asString());
            command.add(doc.toString());
        }
        ProcessBuilder lint = new ProcessBuilder(command).redirectErrorStream(true);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process p;
        try {
            p = lint.start();
        } catch (IOException e) {
            throw new AssertionError("npx (Node and npm) is needed to lint the API documents: " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        System.out.println(out);
        assertEquals(0, exit, "Redocly lint failed:\n" + out);
    }

    /**
     * What an operator scrapes: every service's /q/metrics (no token, like health) has the suite's own metrics and
     * Kafka consumer lag, and every metric the example Grafana dashboard in deploy/observability asks for exists.
     */
    @Test
    @Order(3)
    void everyServiceShowsTheSuitesMetricsAndTheGrafanaDashboardAsksOnlyForThose() throws IOException {
        Map<String, String> scraped = new java.util.TreeMap<>();
        suite.ports().keySet().forEach(name -> scraped.put(name, given().get(url(name, "/q/metrics")).then()
                .statusCode(200).extract().asString()));
        scraped.forEach((name, text) -> {
            for (String metric : List.of("suite_outbox_unsent ", "suite_outbox_oldest_unsent_age_seconds ",
                    "suite_events_consumed_total{", "suite_events_dead_lettered_total{",
                    "kafka_consumer_fetch_manager_records_lag_max{", "http_server_requests_seconds_count{",
                    "jvm_memory_used_bytes{")) {
                assertTrue(text.contains(metric), name + " lacks " + metric);
            }
        });
        // the pilot of the test before was consumed by spread and by evaluations
        for (String name : List.of("spread", "evaluations")) {
            assertTrue(scraped.get(name).matches("(?s).*\\nsuite_events_consumed_total\\{channel=\"pilots\"[^}]*} [1-9].*"),
                    name + " counted the pilot events it consumed");
        }
        for (String metric : List.of("suite_webhook_deliveries_total{", "suite_webhook_deliveries_pending ",
                "suite_subscriptions_paused ", "suite_sse_connections ")) {
            assertTrue(scraped.get("spread").contains(metric), "spread lacks " + metric);
        }
        String all = String.join("\n", scraped.values());
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        List<String> exprs = JsonPath.from(Files.readString(root.resolve("deploy/observability/grafana-dashboard.json")))
                .getList("panels.targets.expr.flatten()", String.class);
        assertEquals(12, exprs.size());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b((?:suite|kafka|http|jvm)_[a-z_]+)")
                .matcher(String.join(" ", exprs));
        int names = 0;
        while (m.find()) {
            names++;
            assertTrue(all.contains("\n" + m.group(1) + "{") || all.contains("\n" + m.group(1) + " "),
                    "the dashboard asks for " + m.group(1) + ", which no service serves");
        }
        assertTrue(names >= 12);
    }

    @Test
    @Order(2)
    void aPilotPostedToOneServiceTravelsAsACloudEventToTheOthers() throws IOException {
        String registrar = Files.readString(data.resolve("tokens/hf-registrar-ahus.jwt"), StandardCharsets.UTF_8);
        String task = given().header("Authorization", "Bearer " + registrar).contentType(ContentType.JSON)
                .body("{\"nameNb\":\"Blodprøvetaking " + UUID.randomUUID() + "\",\"category\":\"DIAGNOSTIC_ASSESSMENT\","
                        + "\"currentPerformerGroups\":[\"BIOINGENIOR\"]}")
                .post(url("task-catalogue", "/api/tasks")).then().statusCode(201).extract().path("id");
        String[] created = new String[1];
        // pilot-projects learns the task from the tasks topic: it is accepted once that event has arrived
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> created[0] = given()
                .header("Authorization", "Bearer " + registrar).contentType(ContentType.JSON)
                .body("{\"title\":\"Pasientportører tar blodprøver\",\"ownerOrgnr\":\"" + AHUS + "\",\"taskIds\":[\""
                        + task + "\"],\"toGroups\":[\"PORTOR\"]}")
                .post(url("pilot-projects", "/api/pilots"))
                .then().statusCode(201).extract().path("id"));
        pilotId = created[0];

        ConsumerRecord<String, String> event = firstRecord(EventTypes.TOPIC_PILOTS, pilotId);
        assertNotNull(event, "pilot.registered reached Kafka");
        assertEquals("1.0", header(event, "ce_specversion"));
        assertEquals(EventTypes.PILOT_REGISTERED.type(), header(event, "ce_type"));
        assertEquals("/pilot-projects", header(event, "ce_source"));
        assertEquals(pilotId, header(event, "ce_subject"));
        assertEquals("application/json", header(event, "content-type"));
        UUID.fromString(header(event, "ce_id"));
        Instant.parse(header(event, "ce_time"));
        assertEquals(pilotId, JsonPath.from(event.value()).getString("pilotId"));

        String municipality = Files.readString(data.resolve("tokens/municipality-lorenskog.jwt"), StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", "Bearer " + municipality).get(url("spread", "/api/pilots/" + pilotId))
                        .then().statusCode(200).body("title", equalTo("Pasientportører tar blodprøver"))
                        .body("ownerOrgnr", equalTo(AHUS)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", "Bearer " + municipality).get(url("evaluations", "/api/pilots/" + pilotId))
                        .then().statusCode(200));

        // and on: an evaluation drafted in the evaluations service shows in spread
        String evaluator = Tokens.sign(suite.keys().privateKey(), "e2e-evaluator", AHUS, List.of("evaluator"), Duration.ofMinutes(10));
        given().header("Authorization", "Bearer " + evaluator).contentType(ContentType.JSON)
                .body("{\"pilotId\":\"" + pilotId + "\",\"design\":\"BEFORE_AFTER\"}")
                .post(url("evaluations", "/api/evaluations")).then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", "Bearer " + municipality).get(url("spread", "/api/pilots/" + pilotId))
                        .then().statusCode(200).body("evaluations", hasSize(1))
                        .body("evaluations[0].design", equalTo("BEFORE_AFTER")));
    }

    @Test
    @Order(3)
    void aCompletedPilotWithASpreadEvaluationMakesItsModelProvenInTheCatalogue() throws IOException {
        String ahus = "Bearer " + Files.readString(data.resolve("tokens/hf-registrar-ahus.jwt"), StandardCharsets.UTF_8);
        // the task catalogue holds the task and the model (Oslo Economics 2024, case 1: supply porters at Ahus)
        String task = given().header("Authorization", ahus).contentType(ContentType.JSON).body("""
                {"nameNb":"Varebestilling og påfylling av lager på sengepost","category":"LOGISTICS_SERVICE",
                 "currentPerformerGroups":["SP"],"sourceRefs":["seeds/000 L963-1477"]}""")
                .post(url("task-catalogue", "/api/tasks")).then().statusCode(201).extract().path("id");
        String model = given().header("Authorization", ahus).contentType(ContentType.JSON).body("""
                {"name":"Forsyningsportører overtar forsyning på sengepost","modelType":"TASK_TRANSFER","taskIds":["%s"],
                 "fromGroups":["SP"],"toGroups":["FORSYNINGSPORTOR"],"evidenceLevel":"NOT_EVALUATED"}""".formatted(task))
                .post(url("task-catalogue", "/api/models")).then().statusCode(201).extract().path("modelId");
        // pilot-projects learns the model version from the models topic, then accepts a pilot following it
        String pilotBody = "{\"title\":\"Forsyningsportører på Ahus\",\"ownerOrgnr\":\"" + AHUS + "\",\"modelId\":\"" + model
                + "\",\"modelVersion\":1}";
        String[] pilot = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> pilot[0] = given().header("Authorization", ahus)
                .contentType(ContentType.JSON).body(pilotBody).post(url("pilot-projects", "/api/pilots"))
                .then().statusCode(201).extract().path("id"));
        given().header("Authorization", ahus).contentType(ContentType.JSON).body("{\"date\":\"2024-01-08\"}")
                .post(url("pilot-projects", "/api/pilots/" + pilot[0] + "/start")).then().statusCode(200);
        given().header("Authorization", ahus).contentType(ContentType.JSON).body("{\"date\":\"2024-06-28\"}")
                .post(url("pilot-projects", "/api/pilots/" + pilot[0] + "/complete")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", ahus)
                .get(url("evaluations", "/api/pilots/" + pilot[0])).then().statusCode(200).body("status", equalTo("COMPLETED")));
        String evaluation = given().header("Authorization", ahus).contentType(ContentType.JSON).body("""
                {"pilotId":"%s","design":"QUALITATIVE","evidenceLevel":"QUALITATIVE","recommendation":"SPREAD",
                 "outcomes":[{"dimension":"CORE_TASK_TIME","direction":"INCREASE","qualitativeStatement":"sykepleiere frigjort fra forsyning",
                              "source":"seeds/000 L963-1477"}]}""".formatted(pilot[0]))
                .post(url("evaluations", "/api/evaluations")).then().statusCode(201).extract().path("id");
        given().header("Authorization", ahus).post(url("evaluations", "/api/evaluations/" + evaluation + "/publish"))
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        // a qualitative evaluation makes the model EVALUATED, not PROVEN (the evidence rule wants measured evidence)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", ahus)
                .get(url("task-catalogue", "/api/models/" + model)).then().statusCode(200).body("lifecycle", equalTo("EVALUATED")));
        String measured = given().header("Authorization", ahus).contentType(ContentType.JSON).body("""
                {"pilotId":"%s","design":"BEFORE_AFTER","evidenceLevel":"MEASURED_BEFORE_AFTER","recommendation":"SPREAD",
                 "outcomes":[{"dimension":"CORE_TASK_TIME","metric":"nurse hours on supply per week (test figure)",
                              "unit":"hours","baselineValue":20,"resultValue":5}]}""".formatted(pilot[0]))
                .post(url("evaluations", "/api/evaluations")).then().statusCode(201).extract().path("id");
        given().header("Authorization", ahus).post(url("evaluations", "/api/evaluations/" + measured + "/publish"))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", ahus)
                .get(url("task-catalogue", "/api/models/" + model)).then().statusCode(200).body("lifecycle", equalTo("PROVEN"))
                .body("provenBy.evaluationIds", equalTo(java.util.List.of(measured))));
    }

    @Test
    @Order(4)
    void stoppingLeavesNoProcessAndDataSurvivesARestart() throws IOException {
        List<ProcessHandle> children = new ArrayList<>(suite.processHandles());
        assertEquals(5, children.stream().filter(ProcessHandle::isAlive).count());
        suite.close();
        suite = null;
        for (ProcessHandle p : children) {
            assertFalse(p.isAlive(), "process " + p.pid() + " is gone");
        }
        for (int port : allPorts()) {
            assertFalse(listening(port), "nothing listens on " + port + " any more");
        }

        suite = start(false);
        String registrar = Files.readString(data.resolve("tokens/hf-registrar-ahus.jwt"), StandardCharsets.UTF_8);
        given().header("Authorization", "Bearer " + registrar).get(url("pilot-projects", "/api/pilots/" + pilotId))
                .then().statusCode(200).body("title", equalTo("Pasientportører tar blodprøver"));
        given().header("Authorization", "Bearer " + registrar).get(url("spread", "/api/pilots/" + pilotId))
                .then().statusCode(200).body("evaluations", hasSize(1));

        children = new ArrayList<>(suite.processHandles());
        suite.close();
        suite = null;
        for (ProcessHandle p : children) {
            assertFalse(p.isAlive());
        }
        for (int port : allPorts()) {
            assertFalse(listening(port), "nothing listens on " + port + " any more");
        }
    }

    private String url(String service, String path) {
        return "http://127.0.0.1:" + suite.ports().get(service) + path;
    }

    private static List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>();
        ServiceSpec.ALL.forEach(s -> ports.add(s.port() + OFFSET));
        ports.add(15432 + OFFSET);
        ports.add(19092 + OFFSET);
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ConsumerRecord<String, String> firstRecord(String topic, String key) {
        Map<String, Object> cfg = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            Instant end = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
