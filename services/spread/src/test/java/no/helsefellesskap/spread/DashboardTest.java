package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class DashboardTest {

    @jakarta.inject.Inject
    no.helsefellesskap.runtime.data.Db db;

    @jakarta.inject.Inject
    no.helsefellesskap.spread.dashboard.FigureCounts counts;

    private java.util.List<String> figureRows() {
        return db.list("select concat_ws(' ', figure, source, anchor, k, kind, id, title, org, scope_org, d, dp, ps, v, v2,"
                + " v3) from figure_row order by 1", rs -> rs.getString(1));
    }

    /**
     * Groups where the kept counts (compacted and not) differ from a count of the rows themselves, and rows whose
     * sandbox flag differs from the register: both written here again from the README's rules, not taken from the
     * service.
     */
    private java.util.List<String> countsApartFromRows() {
        java.util.List<String> out = new java.util.ArrayList<>(db.list("""
                with kept as (select figure, k, ps, adopter, sb, m, sum(n) n
                    from (select * from figure_count union all select * from figure_count_delta) c
                    group by figure, k, ps, adopter, sb, m),
                counted as (select figure, case when figure = 'activeOrganisations' then id else k end k, ps,
                    case when source = 'adoption' then scope_org end adopter, sb,
                    make_date(extract(year from d)::int, extract(month from d)::int, 1) m, count(*) n
                    from figure_row group by 1, 2, 3, 4, 5, 6)
                select concat_ws(' ', coalesce(a.figure, b.figure), coalesce(a.k, b.k), coalesce(a.ps, b.ps),
                  coalesce(a.m, b.m), 'kept', coalesce(a.n, 0), 'rows', coalesce(b.n, 0))
                from kept a full join counted b on a.figure = b.figure and a.k is not distinct from b.k
                  and a.ps is not distinct from b.ps and a.adopter is not distinct from b.adopter and a.sb = b.sb
                  and a.m is not distinct from b.m
                where coalesce(a.n, 0) <> coalesce(b.n, 0)""", rs -> rs.getString(1)));
        out.addAll(db.list("""
                select concat_ws(' ', 'sandbox flag', figure, id, sb) from figure_row r
                where sb <> exists (select 1 from organisation o where o.sandbox and o.orgnr = r.scope_org)""",
                rs -> rs.getString(1)));
        return out;
    }

    static String admin() {
        return TestTokens.bearer(null, "programme-admin");
    }

    /**
     * Found by an outside test: the evaluations API showed a pilot overdue at once while the dashboard said 0 until
     * the hourly announcement. The dashboard applies the shared rule to the pilot's completion date itself.
     */
    @Test
    void aPilotIsOverdueOnTheDashboardAsSoonAsTheRuleSaysWithoutWaitingForTheAnnouncement() {
        String p = WebhookDeliveryTest.partnership();
        java.time.LocalDate today = java.time.LocalDate.now();
        java.util.UUID late = Events.pilot("Sen evaluering " + p, "983971636", p, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), null);
        java.util.UUID recent = Events.pilot("Nylig avsluttet " + p, "983971636", p, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), null);
        Events.status(no.helsefellesskap.model.events.EventTypes.PILOT_COMPLETED, late, "983971636", "RUNNING", "COMPLETED",
                today.minusMonths(12).minusDays(1), null);
        Events.status(no.helsefellesskap.model.events.EventTypes.PILOT_COMPLETED, recent, "983971636", "RUNNING", "COMPLETED",
                today.minusMonths(11), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(p).getInt("figures.pilotsByStatus.total") == 2
                && dashboard(p).getInt("figures.overdueEvaluations.count") == 1);
        given().header("Authorization", admin()).get(dashboard(p).getString("figures.overdueEvaluations.records"))
                .then().body("records.id", equalTo(java.util.List.of(late.toString())));
        // a published evaluation ends it
        Events.published(late, null, "SPREAD", java.util.List.of("CORE_TASK_TIME"), 1, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(p).getInt("figures.overdueEvaluations.count") == 0);
    }

    /**
     * Every published result can be found: newest first a page at a time with the total, a word found in a title or
     * an outcome (a literal "%" or "_" is just a character), each result linking to its pilot's page; bad paging is
     * refused by name.
     */
    @Test
    void publishedResultsAreSearchedAndPagedWithLinksToTheirPilots() {
        String p = WebhookDeliveryTest.partnership();
        java.util.List<java.util.UUID> pilots = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            java.util.UUID pilot = Events.pilot("Publisert " + i + " " + p, "983971636", p, java.util.List.of(),
                    java.util.List.of(), java.util.List.of(), java.util.List.of(), null);
            pilots.add(pilot);
            java.util.UUID evaluation = java.util.UUID.randomUUID();
            Events.publish(no.helsefellesskap.model.events.EventTypes.EVALUATION_PUBLISHED, evaluation,
                    new no.helsefellesskap.model.events.EvaluationPublished(evaluation, pilot, null, null, "SPREAD",
                            "MODERATE", java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i),
                            java.util.List.of("CORE_TASK_TIME"), java.util.List.of(), java.util.List.of(
                            new no.helsefellesskap.model.events.OutcomeReported("CORE_TASK_TIME",
                                    i == 7 ? "nattlige blodprøver 100% tatt av portør" : "timer", "hours", null, 1.0 + i,
                                    null, null, "test", null, null)), java.time.LocalDate.now(), "DAY", null));
        }
        java.util.function.Function<String, io.restassured.path.json.JsonPath> page = query -> given()
                .urlEncodingEnabled(false).header("Authorization", admin()).get("/api/dashboard/published-outcomes?partnership=" + p + query)
                .then().statusCode(200).extract().jsonPath();
        await().atMost(Duration.ofSeconds(30)).until(() -> page.apply("").getInt("total") == 12);

        io.restassured.path.json.JsonPath first = page.apply("&limit=5");
        assertEquals(5, first.getList("items").size());
        assertEquals(pilots.get(11).toString(), first.getString("items[0].pilotId"), "newest first");
        assertEquals("/pilot.html?id=" + pilots.get(11), first.getString("items[0].href"));
        assertEquals(java.util.List.of(pilots.get(1).toString(), pilots.get(0).toString()),
                page.apply("&offset=10&limit=5").getList("items.pilotId"));
        assertEquals(java.util.List.of(pilots.get(7).toString()), page.apply("&q=NATTLIGE").getList("items.pilotId"));
        assertEquals(java.util.List.of(pilots.get(7).toString()), page.apply("&q=100%25").getList("items.pilotId"),
                "a literal %");
        assertEquals(0, page.apply("&q=_x_").getInt("total"), "a literal _");
        assertEquals(java.util.List.of(pilots.get(3).toString()), page.apply("&q=Publisert%203%20").getList("items.pilotId"));
        // the dashboard's own figure is the first page
        assertEquals(12, dashboard(p).getInt("figures.publishedOutcomes.total"));
        assertEquals(10, dashboard(p).getList("figures.publishedOutcomes.items").size());

        given().header("Authorization", admin()).get("/api/dashboard/published-outcomes?limit=0").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
        given().header("Authorization", admin()).get("/api/dashboard/published-outcomes?offset=-1").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("offset"));
        given().urlEncodingEnabled(false).header("Authorization", admin()).get("/api/dashboard/published-outcomes?q=a%00b")
                .then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("q"));
        given().get("/api/dashboard/published-outcomes").then().statusCode(401);
    }

    /** Every record opens a page in the app (a pilot's, an evaluation's pilot's, an adoption's model's) and names its organisation. */
    @Test
    void everyRecordOpensAPageAndNamesItsOrganisation() {
        DashboardData d = DashboardData.write();
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(d.partnership).getInt("figures.pilotsByStatus.total") == 5
                && given().header("Authorization", admin()).queryParam("figure", "spreadCurves")
                .queryParam("partnership", d.partnership).get("/api/dashboard/records").then().extract().jsonPath()
                .getInt("count") == 1 && dashboard(d.partnership).getInt("figures.evaluatedShare.evaluated") == 1);
        io.restassured.path.json.JsonPath evaluations = given().header("Authorization", admin())
                .queryParam("figure", "outcomeDimensions").queryParam("partnership", d.partnership)
                .get("/api/dashboard/records").then().statusCode(200).extract().jsonPath();
        assertEquals("evaluation", evaluations.getString("records[0].kind"));
        assertEquals("/pilot.html?id=" + d.evaluated, evaluations.getString("records[0].href"));
        io.restassured.path.json.JsonPath adoptions = given().header("Authorization", admin())
                .queryParam("figure", "spreadCurves").queryParam("partnership", d.partnership)
                .get("/api/dashboard/records").then().statusCode(200).extract().jsonPath();
        assertEquals("/model.html?id=" + d.model, adoptions.getString("records[0].href"));
        assertEquals("Testkommune", adoptions.getString("records[0].organisationName"));
        io.restassured.path.json.JsonPath pilots = given().header("Authorization", admin())
                .queryParam("figure", "pilotsByStatus").queryParam("partnership", d.partnership)
                .get("/api/dashboard/records").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Collections.nCopies(5, "Testsykehuset HF"), pilots.getList("records.organisationName"));
        assertTrue(pilots.getList("records.href", String.class).stream().allMatch(h -> h.startsWith("/pilot.html?id=")));

        // the partnership's own page: who it is, by name
        given().header("Authorization", admin()).get("/api/dashboard/partnerships/" + d.partnership).then()
                .statusCode(200).body("code", equalTo(d.partnership))
                .body("members.name", org.hamcrest.Matchers.hasItem("Testkommune"));
        given().header("Authorization", admin()).get("/api/dashboard/partnerships/NO-SUCH").then().statusCode(404);
    }

    /**
     * Every partnership side by side: a partnership's row holds the figures the page shows for it alone (from the
     * facts DashboardData wrote: five pilots, one of two completed evaluated, one overdue, one adoption of a proven
     * model, 0.8 - 0.2 årsverk measured at the pilot's site), each cell opens the records it counts, a partnership
     * with no completed pilot has an unknown share (not 0), and the median is the middle of the known values.
     */
    @Test
    void thePartnershipsSideBySideShowEachOnesOwnFiguresAndTheProgrammeMedian() {
        DashboardData d = DashboardData.write();
        String empty = WebhookDeliveryTest.partnership();
        // DashboardData's municipalities share one organisation number, so an adoption by it counts for every
        // partnership such a municipality belongs to: the cell must count exactly the records it opens
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath j = dashboard(null);
            Map<String, Object> r = row(j, d.partnership);
            return r != null && ((Number) r.get("pilots")).intValue() == 5
                    && ((Number) r.get("provenAdoptions")).intValue() >= 1 && row(j, empty) != null;
        });
        JsonPath all = dashboard(null);
        Map<String, Object> r = row(all, d.partnership);
        assertEquals(Map.of("PLANNED", 1, "RUNNING", 1, "COMPLETED", 2, "ABANDONED", 1), r.get("byStatus"));
        assertEquals(2, r.get("completed"));
        assertEquals(1, r.get("evaluated"));
        assertEquals(0.5, ((Number) r.get("evaluatedShare")).doubleValue(), 1e-6);
        assertEquals(1, r.get("overdue"));
        assertEquals(0.6, ((Number) r.get("freedTimeMeasured")).doubleValue(), 1e-6);
        assertEquals(1, r.get("freedTimeEvaluations"));
        @SuppressWarnings("unchecked")
        Map<String, String> records = (Map<String, String>) r.get("records");
        given().header("Authorization", admin()).get(records.get("RUNNING")).then()
                .body("records.id", equalTo(java.util.List.of(d.running.toString())));
        given().header("Authorization", admin()).get(records.get("overdue")).then()
                .body("records.id", equalTo(java.util.List.of(d.overdue.toString())));
        JsonPath adopted = given().header("Authorization", admin()).get(records.get("provenAdoptions")).then()
                .extract().jsonPath();
        assertTrue(adopted.getList("records.id").contains(d.adoption.toString()));
        assertEquals(((Number) r.get("provenAdoptions")).intValue(), adopted.getInt("count"));
        Map<String, Object> none = row(all, empty);
        assertEquals(0, none.get("pilots"));
        assertEquals(null, none.get("evaluatedShare"), "no completed pilot: the share is unknown, not 0");
        assertEquals(null, none.get("freedTimeMeasured"), "nothing measured: unknown, not 0");
        // the median of the known values, recomputed here
        java.util.List<Map<String, Object>> rows = all.getList("figures.partnershipComparison.partnerships");
        for (String column : java.util.List.of("pilots", "evaluatedShare", "overdue", "provenAdoptions", "freedTimeMeasured")) {
            java.util.List<Double> known = rows.stream().map(x -> x.get(column)).filter(java.util.Objects::nonNull)
                    .map(x -> ((Number) x).doubleValue()).sorted().toList();
            int n = known.size();
            double expected = n % 2 == 1 ? known.get(n / 2) : (known.get(n / 2 - 1) + known.get(n / 2)) / 2;
            assertEquals(expected, all.getDouble("figures.partnershipComparison.median." + column), 0.001, column);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath answer, String partnership) {
        java.util.List<Map<String, Object>> rows = answer.getList("figures.partnershipComparison.partnerships");
        return rows == null ? null : rows.stream().filter(x -> partnership.equals(x.get("code"))).findFirst().orElse(null);
    }

    static JsonPath dashboard(String partnership) {
        return given().header("Authorization", admin()).queryParam("partnership", partnership)
                .get("/api/dashboard").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void figuresCountTheRecordsTheyLinkToAndARebuildFromTheTopicsGivesTheSameFigures() {
        DashboardData d = DashboardData.write();
        String p = d.partnership;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath j = dashboard(p);
            assertEquals(5, j.getInt("figures.pilotsByStatus.total"));
            assertEquals(1, j.getInt("figures.spreadCurves.find { it.modelId == '" + d.model + "' }.adopters"));
            assertEquals(1, j.getInt("figures.overdueEvaluations.count"));
            assertEquals(1, j.getInt("figures.freedTime.evaluations"));
        });
        JsonPath j = dashboard(p);
        Map<String, Integer> status = Map.of("PLANNED", 1, "RUNNING", 1, "COMPLETED", 2, "ABANDONED", 1);
        status.forEach((k, n) -> assertEquals(n, j.getInt("figures.pilotsByStatus.buckets.find { it.key == '" + k
                + "' }.count"), k));
        assertEquals("Pågår", j.getString("figures.pilotsByStatus.buckets.find { it.key == 'RUNNING' }.label.nb"));
        assertEquals(2, j.getInt("figures.evaluatedShare.completed"));
        assertEquals(1, j.getInt("figures.evaluatedShare.evaluated"));
        assertEquals(0.5f, j.getFloat("figures.evaluatedShare.share"));
        assertEquals(2.0f, j.getFloat("figures.medianMonthsToEvaluation.median"));
        assertEquals(2, j.getInt("figures.partnershipPriorityGroups.cells.find { it.column == 'FRAIL_ELDERLY' }.count"));
        assertEquals(1, j.getInt("figures.partnershipPriorityGroups.cells.find { it.column == 'CHILDREN_YOUNG' }.count"));
        assertEquals(2, j.getInt("figures.personnelGroups.buckets.find { it.key == 'SP' }.count"));
        assertEquals(true, j.getBoolean("figures.personnelGroups.buckets.find { it.key == 'SP' }.core"));
        assertEquals(false, j.getBoolean("figures.personnelGroups.buckets.find { it.key == 'PORTOR' }.core"));
        assertEquals("portør", j.getString("figures.personnelGroups.buckets.find { it.key == 'PORTOR' }.label.nb"));
        assertEquals(1, j.getInt("figures.sharingDirections.buckets.find { it.key == 'VERTICAL_DOWN' }.count"));
        assertEquals(4, j.getInt("figures.sharingDirections.buckets.find { it.key == 'NOT_ASSESSED' }.count"));
        assertEquals(1, j.getInt("figures.outcomeDimensions.buckets.find { it.key == 'QUALITY' }.count"));
        assertEquals(0.8f, j.getFloat("figures.freedTime.gross"));
        assertEquals(0.2f, j.getFloat("figures.freedTime.extra"));
        assertEquals(0.6f, j.getFloat("figures.freedTime.net"));
        assertEquals(1, j.getInt("figures.abandonmentReasons.buckets.find { it.key == 'pilot/UNDER_USE' }.count"));
        assertEquals("kapasiteten ble ikke utnyttet",
                j.getString("figures.abandonmentReasons.buckets.find { it.key == 'pilot/UNDER_USE' }.label.nb"));
        assertEquals(1, j.getInt("figures.activeOrganisations.buckets.find { it.key == 'HF' }.count"));
        assertEquals(1, j.getInt("figures.activeOrganisations.buckets.find { it.key == 'MUNICIPALITY' }.count"));

        // every figure opens to the records it counts: each bucket's count is the size of its records list
        for (String figure : java.util.List.of("pilotsByStatus", "evaluatedShare", "personnelGroups", "sharingDirections",
                "outcomeDimensions", "abandonmentReasons", "activeOrganisations")) {
            java.util.List<Map<String, Object>> buckets = j.getList("figures." + figure + ".buckets");
            assertTrue(!buckets.isEmpty(), figure);
            for (Map<String, Object> b : buckets) {
                // the link is already encoded (pilot%2FUNDER_USE); RestAssured must not encode it again
                JsonPath records = given().urlEncodingEnabled(false).header("Authorization", admin()).get((String) b.get("records")).then()
                        .statusCode(200).extract().jsonPath();
                assertEquals(b.get("count"), records.get("count"), figure + " " + b.get("key"));
                assertEquals(b.get("count"), records.getList("records").size(), figure + " " + b.get("key"));
            }
        }
        for (Map<String, Object> cell : j.<Map<String, Object>>getList("figures.partnershipPriorityGroups.cells")) {
            given().urlEncodingEnabled(false).header("Authorization", admin()).get((String) cell.get("records")).then()
                    .body("count", equalTo(cell.get("count")));
        }
        given().header("Authorization", admin()).get(j.getString("figures.medianMonthsToEvaluation.records")).then()
                .body("count", equalTo(j.getInt("figures.medianMonthsToEvaluation.count")));
        String running = j.getString("figures.pilotsByStatus.buckets.find { it.key == 'RUNNING' }.records");
        given().header("Authorization", admin()).get(running).then().statusCode(200)
                .body("count", equalTo(1)).body("records[0].id", equalTo(d.running.toString()))
                .body("records[0].href", equalTo("/pilot.html?id=" + d.running));
        given().header("Authorization", admin()).get(j.getString("figures.overdueEvaluations.records"))
                .then().body("records.id", equalTo(java.util.List.of(d.overdue.toString())));
        given().header("Authorization", admin()).get(j.getString("figures.freedTime.records"))
                .then().body("count", equalTo(1)).body("records[0].kind", equalTo("evaluation"));
        given().header("Authorization", admin()).get("/api/dashboard/records?figure=nonsense")
                .then().statusCode(422).body("errors[0].field", equalTo("figure"));
        given().header("Authorization", admin()).get("/api/dashboard?from=2026-13-01")
                .then().statusCode(422).body("errors[0].field", equalTo("from"));

        // replaying every topic into emptied read models gives the same figures, filtered and not, and the figure
        // rows kept event by event are exactly those the rebuild computes from the finished read models at once
        Object before = dashboard(p).get("figures");
        Object beforeAll = dashboard(null).get("figures");
        java.util.List<String> rowsBefore = figureRows();
        assertEquals(java.util.List.of(), countsApartFromRows());
        given().header("Authorization", admin()).post("/api/admin/read-models/rebuild").then().statusCode(200)
                .body("applied", greaterThanOrEqualTo(20)); // DashboardData writes 20 events; other tests may add more
        assertEquals(before, dashboard(p).get("figures"));
        assertEquals(beforeAll, dashboard(null).get("figures"));
        assertEquals(rowsBefore, figureRows());
        assertEquals(java.util.List.of(), countsApartFromRows());
    }

    /**
     * The counts are kept beside the rows; when an organisation becomes a test or probe (sandbox) organisation, its
     * pilots leave the counts and the records behind them together (and come back when it stops being one), and
     * the counts stay equal to the rows, also after the deltas are added up.
     */
    @Test
    void anOrganisationThatBecomesASandboxLeavesCountsAndRecordsTogether() throws Exception {
        String p = WebhookDeliveryTest.partnership();
        String orgnr = SubscriptionMatchingPropertyTest.orgnr(new java.util.Random());
        String code = "PROBE-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        java.util.function.Consumer<Boolean> organisation = sandbox -> Events.publish(
                no.helsefellesskap.model.events.EventTypes.ORGANISATION_CHANGED, code,
                new no.helsefellesskap.model.events.OrganisationChanged(code, "HF", "Prøveorganisasjon", orgnr, null,
                        null, null, null, null, sandbox));
        organisation.accept(false);
        java.util.UUID pilot = java.util.UUID.randomUUID();
        Events.publish(no.helsefellesskap.model.events.EventTypes.PILOT_REGISTERED, pilot,
                new no.helsefellesskap.model.events.PilotRegistered(pilot, "Prøvepilot", orgnr, "PLANNED",
                        java.time.Instant.now(), null, null, java.util.List.of(), java.util.List.of(),
                        java.util.List.of(), p, java.util.List.of(), java.util.List.of(), java.util.List.of(), null,
                        null, null, java.util.List.of(), null, null, null, null, null, null, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(p).getInt("figures.pilotsByStatus.total") == 1);
        organisation.accept(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(p).getInt("figures.pilotsByStatus.total") == 0);
        JsonPath withSandbox = given().header("Authorization", admin()).queryParam("partnership", p)
                .queryParam("includeSandbox", true).get("/api/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(1, withSandbox.getInt("figures.pilotsByStatus.total"));
        assertEquals(1, withSandbox.getInt("figures.activeOrganisations.buckets.find { it.key == 'HF' }.count"));
        given().header("Authorization", admin()).queryParam("figure", "pilotsByStatus").queryParam("partnership", p)
                .get("/api/dashboard/records").then().statusCode(200).body("count", equalTo(0));
        given().header("Authorization", admin()).queryParam("figure", "pilotsByStatus").queryParam("partnership", p)
                .queryParam("includeSandbox", true).get("/api/dashboard/records").then().statusCode(200)
                .body("count", equalTo(1)).body("records[0].id", equalTo(pilot.toString()));
        assertEquals(java.util.List.of(), countsApartFromRows());
        organisation.accept(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(p).getInt("figures.pilotsByStatus.total") == 1);
        assertEquals(java.util.List.of(), countsApartFromRows());
        counts.compact();
        assertEquals(java.util.List.of(), countsApartFromRows());
        assertEquals(1, dashboard(p).getInt("figures.pilotsByStatus.total"));
    }

    @Test
    void aPeriodFilterCountsWhatFallsInsideIt() {
        DashboardData d = DashboardData.write();
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(d.partnership)
                .getInt("figures.pilotsByStatus.total") == 5);
        JsonPath future = given().header("Authorization", admin()).queryParam("partnership", d.partnership)
                .queryParam("from", "2099-01-01").get("/api/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(0, future.getInt("figures.pilotsByStatus.total"));
        assertEquals(0, future.getInt("figures.freedTime.evaluations"));
    }

    @Test
    void anAnswerIsServedAgainWhileTheReadModelsAreUnchangedAndRecomputedWhenAnEventLands() {
        DashboardData d = DashboardData.write();
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard(d.partnership)
                .getInt("figures.pilotsByStatus.total") == 5);
        // other events of this test's data may still be landing: take two answers with no event between them
        JsonPath[] pair = new JsonPath[2];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            pair[0] = dashboard(d.partnership);
            pair[1] = dashboard(d.partnership);
            assertEquals(pair[0].getLong("eventsApplied"), pair[1].getLong("eventsApplied"));
        });
        JsonPath first = pair[0];
        JsonPath again = pair[1];
        assertEquals(first.getString("generatedAt"), again.getString("generatedAt"), "unchanged: served again");
        assertEquals(first.getMap("figures"), again.getMap("figures"));

        Events.pilot("Ny " + d.partnership, DashboardData.HF, d.partnership, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = dashboard(d.partnership);
            assertEquals(6, after.getInt("figures.pilotsByStatus.total"));
            assertEquals(2, after.getInt("figures.pilotsByStatus.buckets.find { it.key == 'PLANNED' }.count"));
            assertTrue(after.getLong("eventsApplied") > first.getLong("eventsApplied"));
            assertTrue(!after.getString("generatedAt").equals(first.getString("generatedAt")), "recomputed");
        });
    }
}
