package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.data.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What reaches a subscription: every filter resolved from the read models, and no subscription able to fail others. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class FeedMatchingTest {

    static final String OWNER = "876543214";
    static final String SUBSCRIBER = "842566142";

    @Inject
    Db db;

    static String subscriber() {
        return TestTokens.bearer(SUBSCRIBER, "subscriber");
    }

    static String subscribe(Map<String, Object> filters) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Utfall " + filters);
        body.put("filters", filters);
        return given().header("Authorization", subscriber()).contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    static List<String> received(String subscription) {
        return given().header("Authorization", subscriber()).get("/api/subscriptions/" + subscription + "/feed.json")
                .then().statusCode(200).extract().path("items._oppgavedeling.type");
    }

    void awaitKnown(String table, String idColumn, UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("select 1 from " + table + " where " + idColumn + " = ?",
                rs -> 1, id).isPresent());
    }

    static void awaitPilot(UUID pilot, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = given().header("Authorization", subscriber()).get("/api/pilots/" + pilot);
            return r.statusCode() == 200 && status.equals(r.path("status"));
        });
    }

    /** Found by an outside test: {"name": "x"} was stored with null filters and failed the fan-out for everyone. */
    @Test
    void aSubscriptionWithoutFiltersIsStoredAsAnyAndNeverBlindsTheOthers() {
        String p = WebhookDeliveryTest.partnership();
        String mine = subscribe(Map.of("partnerships", List.of(p)));
        String missing = given().header("Authorization", subscriber()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}").post("/api/subscriptions").then().statusCode(201)
                .body("filters.partnerships", empty()).body("filters.models", empty()).extract().path("id");
        String nulled = given().header("Authorization", subscriber()).contentType(ContentType.JSON)
                .body("{\"name\":\"y\",\"filters\":null}").post("/api/subscriptions").then().statusCode(201)
                .body("filters.eventTypes", empty()).extract().path("id");
        assertEquals("object", db.one("select jsonb_typeof(filters) from subscription where id = ?::uuid",
                rs -> rs.getString(1), nulled).orElseThrow());
        given().header("Authorization", subscriber()).contentType(ContentType.JSON).body("{\"name\":\"z\",\"filters\":null}")
                .put("/api/subscriptions/" + mine).then().statusCode(200).body("filters.partnerships", empty());
        given().header("Authorization", subscriber()).contentType(ContentType.JSON)
                .body(Map.of("name", "z", "filters", Map.of("partnerships", List.of(p))))
                .put("/api/subscriptions/" + mine).then().statusCode(200);

        UUID pilot = Events.pilot("Portører tar blodprøver", OWNER, p, List.of(), List.of(), List.of(), List.of(), null);
        awaitPilot(pilot, "PLANNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> received(mine).size() == 1);
        assertEquals(List.of(EventTypes.PILOT_REGISTERED.type()), received(mine));
        // the filterless ones get it too (empty = any)
        await().atMost(Duration.ofSeconds(30)).until(() -> received(missing).contains(EventTypes.PILOT_REGISTERED.type())
                && received(nulled).contains(EventTypes.PILOT_REGISTERED.type()));
        for (String id : List.of(missing, nulled)) {
            given().header("Authorization", subscriber()).delete("/api/subscriptions/" + id).then().statusCode(204);
        }
    }

    /**
     * The class, not only the case: a subscription whose stored filters cannot be read (written around the API, as a
     * damaged row would be) is skipped and marked on its own record; the event still reaches the read models and
     * every other subscriber.
     */
    @Test
    void aSubscriptionThatCannotBeEvaluatedIsSkippedAndMarkedAndTheEventStillReachesEveryoneElse() {
        String p = WebhookDeliveryTest.partnership();
        String good = subscribe(Map.of("partnerships", List.of(p)));
        UUID broken = UUID.randomUUID();
        db.update("""
                insert into subscription (id, owner_orgnr, name, filters, status, created_at, updated_at)
                values (?, ?, 'skadet', '{"partnerships": {"not": "a list"}}'::jsonb, 'ACTIVE', now(), now())""",
                broken, SUBSCRIBER);
        try {
            UUID pilot = Events.pilot("Apotekteknikere", OWNER, p, List.of(), List.of(), List.of(), List.of(), null);
            awaitPilot(pilot, "PLANNED");
            await().atMost(Duration.ofSeconds(30)).until(() -> received(good).size() == 1);
            given().header("Authorization", subscriber()).get("/api/subscriptions/" + broken).then().statusCode(200)
                    .body("evaluationError", notNullValue()).body("evaluationErrorAt", notNullValue());
        } finally {
            db.update("delete from subscription where id = ?", broken);
        }
    }

    /** Found: the model was read only from the payload, and status events of a pilot do not carry it. */
    @Test
    void aModelSubscriberGetsEveryEventOfThePilotsOfThatModel() {
        String p = WebhookDeliveryTest.partnership();
        UUID model = Events.model(List.of(), List.of("SP"), List.of("APOTEKTEKNIKER"));
        awaitKnown("model_version", "model_id", model); // models and pilots come on different topics
        String sub = subscribe(Map.of("models", List.of(model.toString())));
        UUID started = Events.pilot("Modellpilot A", OWNER, p, List.of(), List.of(), model);
        UUID abandoned = Events.pilot("Modellpilot B", OWNER, p, List.of(), List.of(), model);
        UUID other = Events.pilot("Annen pilot", OWNER, p, List.of(), List.of(), null);
        Events.status(EventTypes.PILOT_STARTED, started, OWNER, "PLANNED", "RUNNING", LocalDate.now().minusMonths(20), null);
        Events.status(EventTypes.PILOT_COMPLETED, started, OWNER, "RUNNING", "COMPLETED", LocalDate.now().minusMonths(14), null);
        Events.overdue(started, OWNER);
        Events.status(EventTypes.PILOT_ABANDONED, abandoned, OWNER, "PLANNED", "ABANDONED", LocalDate.now(), "CAPACITY");
        Events.status(EventTypes.PILOT_STARTED, other, OWNER, "PLANNED", "RUNNING", LocalDate.now(), null);
        Events.published(started, null, "SPREAD", List.of("CORE_TASK_TIME"), 1, 0);
        awaitPilot(other, "RUNNING");
        await().atMost(Duration.ofSeconds(30)).until(() -> received(sub).size() >= 7);
        List<String> types = received(sub);
        assertEquals(List.of(EventTypes.PILOT_REGISTERED.type(), EventTypes.PILOT_REGISTERED.type(),
                        EventTypes.PILOT_STARTED.type(), EventTypes.PILOT_COMPLETED.type(),
                        EventTypes.PILOT_EVALUATION_OVERDUE.type(), EventTypes.PILOT_ABANDONED.type(),
                        EventTypes.EVALUATION_PUBLISHED.type()).stream().sorted().toList(),
                types.stream().sorted().toList(), "every event of the model's two pilots, none of the other: " + types);
    }

    /** Found: taskCategories did not match a pilot that names a model instead of tasks. */
    @Test
    void taskCategoriesMatchAPilotThroughItsModelsTasks() {
        String p = WebhookDeliveryTest.partnership();
        UUID task = Events.task("MEDICATION_MANAGEMENT");
        UUID model = Events.model(List.of(task), List.of("SP"), List.of("APOTEKTEKNIKER"));
        // tasks, models and pilots come on different topics: a pilot is registered once its model is known
        awaitKnown("task", "task_id", task);
        awaitKnown("model_version", "model_id", model);
        String sub = subscribe(Map.of("taskCategories", List.of("MEDICATION_MANAGEMENT"), "partnerships", List.of(p)));
        UUID viaModel = Events.pilot("Via modell", OWNER, p, List.of(), List.of(), model);
        UUID direct = Events.pilot("Med oppgave", OWNER, p, List.of(), List.of(task), null);
        UUID neither = Events.pilot("Uten", OWNER, p, List.of(), List.of(), null);
        awaitPilot(neither, "PLANNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> received(sub).size() >= 2);
        List<String> titles = given().header("Authorization", subscriber()).get("/api/subscriptions/" + sub + "/feed.json")
                .then().extract().path("items._oppgavedeling.context.pilot.id");
        assertEquals(List.of(direct.toString(), viaModel.toString()).stream().sorted().toList(),
                titles.stream().sorted().toList());
    }

    /** Found: kommunenummer matched nothing; it now matches pilots where that municipality takes part. */
    @Test
    void kommunenummerMatchesThePilotsAMunicipalityTakesPartIn() {
        String p = WebhookDeliveryTest.partnership();
        String code = "KOMMUNE-TEST-" + UUID.randomUUID().toString().substring(0, 6);
        Events.municipality(code, "Testkommune", "842566142", "3222");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("select 1 from organisation where code = ?",
                rs -> 1, code).isPresent());
        String sub = subscribe(Map.of("kommunenummer", List.of("3222"), "partnerships", List.of(p)));
        UUID partner = Events.pilot("Med Lørenskog", OWNER, p, List.of("842566142"), List.of(), null);
        UUID not = Events.pilot("Uten Lørenskog", OWNER, p, List.of(), List.of(), null);
        awaitPilot(not, "PLANNED");
        awaitPilot(partner, "PLANNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> received(sub).size() >= 1);
        List<String> pilots = given().header("Authorization", subscriber()).get("/api/subscriptions/" + sub + "/feed.json")
                .then().extract().path("items._oppgavedeling.context.pilot.id");
        assertEquals(List.of(partner.toString()), pilots);
    }

    /**
     * A municipality renumbered in 2024 (Lørenskog 3029 to 3222) is one organisation: a subscription by either number
     * gets the pilots it takes part in, registered after the change or before it.
     */
    @Test
    void aSubscriptionByTodaysOrAnEarlierKommunenummerMatchesTheSameMunicipality() {
        String p = WebhookDeliveryTest.partnership();
        String code = "KOMMUNE-TEST-" + UUID.randomUUID().toString().substring(0, 6);
        String orgnr = SubscriptionMatchingPropertyTest.orgnr(new java.util.Random());
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new no.helsefellesskap.model.events.OrganisationChanged(code,
                "MUNICIPALITY", "Omnummerert", orgnr, null, "3029", null, LocalDate.of(2020, 1, 1),
                LocalDate.of(2024, 1, 1), false, null, "30"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("select 1 from organisation where code = ?",
                rs -> 1, code).isPresent());
        String byOld = subscribe(Map.of("kommunenummer", List.of("3029"), "partnerships", List.of(p)));
        UUID before = Events.pilot("Før omnummereringen", OWNER, p, List.of(orgnr), List.of(), null);
        awaitPilot(before, "PLANNED");
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new no.helsefellesskap.model.events.OrganisationChanged(code,
                "MUNICIPALITY", "Omnummerert", orgnr, null, "3222", null, LocalDate.of(2024, 1, 1), null, false, null,
                "32"));
        // a late correction of the old version does not turn the organisation back
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new no.helsefellesskap.model.events.OrganisationChanged(code,
                "MUNICIPALITY", "Omnummerert (rettet)", orgnr, null, "3029", null, LocalDate.of(2020, 1, 1),
                LocalDate.of(2024, 1, 1), false, null, "30"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("select 1 from organisation_kommunenummer where code = ?"
                + " and kommunenummer = '3222'", rs -> 1, code).isPresent());
        String byNew = subscribe(Map.of("kommunenummer", List.of("3222"), "partnerships", List.of(p)));
        UUID after = Events.pilot("Etter omnummereringen", OWNER, p, List.of(orgnr), List.of(), null);
        UUID other = Events.pilot("Uten kommunen", OWNER, p, List.of(), List.of(), null);
        awaitPilot(after, "PLANNED");
        awaitPilot(other, "PLANNED");
        assertEquals("3222", db.one("select kommunenummer from organisation where code = ?", rs -> rs.getString(1), code)
                .orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> received(byOld).size() >= 2 && received(byNew).size() >= 1);
        assertEquals(List.of(before.toString(), after.toString()), pilotsOf(byOld));
        assertEquals(List.of(after.toString()), pilotsOf(byNew));
    }

    private List<String> pilotsOf(String subscription) {
        List<String> newestFirst = given().header("Authorization", subscriber())
                .get("/api/subscriptions/" + subscription + "/feed.json").then().extract()
                .path("items._oppgavedeling.context.pilot.id");
        List<String> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Found by an outside test: "started in 2019" read as a precise day. The read model shows the year, and why. */
    @Test
    void aPilotsDatesShowAsExactlyAsTheirSourceKnowsThem() {
        String p = WebhookDeliveryTest.partnership();
        UUID pilot = Events.pilot("Fra en rapport", OWNER, p, List.of(), List.of(), List.of(), List.of(), null);
        Events.publish(EventTypes.PILOT_STARTED, pilot, new no.helsefellesskap.model.events.PilotStatusChanged(pilot, OWNER,
                "PLANNED", "RUNNING", LocalDate.of(2019, 1, 1), null, null, null, Instant.now(), "YEAR", "seeds/000 L1136"));
        awaitPilot(pilot, "RUNNING");
        given().header("Authorization", subscriber()).get("/api/pilots/" + pilot).then().statusCode(200)
                .body("startedOn", equalTo("2019-01-01")).body("dates.started.shown", equalTo("2019"))
                .body("dates.started.precision", equalTo("YEAR")).body("dates.started.source", equalTo("seeds/000 L1136"))
                .body("dates.completed", nullValue());
        // the dashboard's records show the year too, not a fake day
        Events.publish(EventTypes.PILOT_COMPLETED, pilot, new no.helsefellesskap.model.events.PilotStatusChanged(pilot, OWNER,
                "RUNNING", "COMPLETED", LocalDate.of(2019, 1, 1), null, null, null, Instant.now(), "YEAR", "seeds/000 L1136"));
        awaitPilot(pilot, "COMPLETED");
        given().header("Authorization", TestTokens.bearer(null, "programme-admin"))
                .get("/api/dashboard/records?figure=evaluatedShare&partnership=" + p).then().statusCode(200)
                .body("records[0].dateShown", equalTo("2019")).body("records[0].datePrecision", equalTo("YEAR"));
    }

    /** Found by an outside test: adoptions were dated on the day they were loaded, so each spread curve was one dot. */
    @Test
    void anAdoptionIsDatedWhenItHappenedNotWhenItWasRecorded() {
        UUID adoption = UUID.randomUUID();
        Events.publish(EventTypes.ADOPTION_DECLARED, adoption, new no.helsefellesskap.model.events.AdoptionChanged(adoption,
                UUID.randomUUID(), 1, SUBSCRIBER, null, null, "DECLARED", null, null, Instant.now(),
                LocalDate.of(2024, 3, 1), "MONTH", "seeds/001 L200"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("""
                select (declared_at at time zone 'Europe/Oslo')::date::text || ' ' || declared_precision from adoption
                where adoption_id = ?""", rs -> rs.getString(1), adoption).orElse("").equals("2024-03-01 MONTH"));
    }

    /**
     * Found by users: load-test and probe records swamped every count. A sandbox organisation's records stay out of
     * the programme's figures and of other organisations' feeds unless a filter includes them; its own feed has them.
     */
    @Test
    void aSandboxOrganisationsRecordsStayOutOfFiguresAndOtherFeedsUnlessAsked() {
        String p = WebhookDeliveryTest.partnership();
        String sandboxOrgnr = SubscriptionMatchingPropertyTest.orgnr(new java.util.Random());
        String code = "SANDBOX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Events.publish(EventTypes.ORGANISATION_CHANGED, code, new no.helsefellesskap.model.events.OrganisationChanged(code,
                "HF", "Lasttest", sandboxOrgnr, null, null, null, null, null, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.one("select 1 from organisation where code = ? and sandbox",
                rs -> 1, code).isPresent());
        String others = subscribe(Map.of("partnerships", List.of(p)));
        String includes = subscribe(Map.of("partnerships", List.of(p), "includeSandbox", true));
        String own = given().header("Authorization", TestTokens.bearer(sandboxOrgnr, "subscriber")).contentType(ContentType.JSON)
                .body(Map.of("name", "egen", "filters", Map.of("partnerships", List.of(p))))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
        UUID probe = Events.pilot("Lasttestpilot", sandboxOrgnr, p, List.of(), List.of(), List.of(), List.of(), null);
        UUID real = Events.pilot("Ekte pilot", OWNER, p, List.of(), List.of(), List.of(), List.of(), null);
        awaitPilot(probe, "PLANNED");
        awaitPilot(real, "PLANNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> received(includes).size() == 2 && received(others).size() == 1);
        int ownItems = given().header("Authorization", TestTokens.bearer(sandboxOrgnr, "subscriber"))
                .get("/api/subscriptions/" + own + "/feed.json").then().extract().path("items.size()");
        assertEquals(2, ownItems, "its own feed has its own probe and the real pilot");
        String admin = TestTokens.bearer(null, "programme-admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", admin)
                .get("/api/dashboard?partnership=" + p).then().extract().path("figures.pilotsByStatus.total").equals(1));
        given().header("Authorization", admin).get("/api/dashboard?includeSandbox=true&partnership=" + p).then()
                .body("figures.pilotsByStatus.total", equalTo(2));
    }
}
