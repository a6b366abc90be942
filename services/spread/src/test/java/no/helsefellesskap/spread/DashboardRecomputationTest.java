package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.model.events.AdoptionChanged;
import no.helsefellesskap.model.events.EvaluationDrafted;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.FreedTimeScenario;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.OutcomeReported;
import no.helsefellesskap.model.events.PartnershipChanged;
import no.helsefellesskap.model.events.PartnershipMember;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every dashboard figure for a known history, recomputed here from the facts this test published, with the rules the
 * README and the figures' own descriptions give (not the service's SQL), and compared with /api/dashboard.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class DashboardRecomputationTest {

    record P(UUID id, String owner, List<String> partners, List<String> priority, List<String> from, List<String> to,
             String status, LocalDate completedOn, String abandonReason) {
    }

    record E(UUID id, UUID pilot, String evaluator, List<String> dimensions, LocalDate reportOn,
             List<FreedTimeScenario> freed) {
    }

    static String admin() {
        return TestTokens.bearer(null, "programme-admin");
    }

    @Test
    void everyFigureMatchesAnIndependentRecomputation() {
        Random r = new Random(20261206);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String partnership = "RECOMP-" + run;
        String hf = SubscriptionMatchingPropertyTest.orgnr(r);
        String municipality = SubscriptionMatchingPropertyTest.orgnr(r);
        String outsider = SubscriptionMatchingPropertyTest.orgnr(r); // a partner, member of nothing
        Events.publish(EventTypes.ORGANISATION_CHANGED, "HF-" + run, new OrganisationChanged("HF-" + run, "HF", "Trust " + run,
                hf, null, null, null, null, null));
        Events.publish(EventTypes.ORGANISATION_CHANGED, "K-" + run, new OrganisationChanged("K-" + run, "MUNICIPALITY",
                "Kommune " + run, municipality, null, "9" + String.format("%03d", r.nextInt(1000)), null, null, null));
        Events.publish(EventTypes.PARTNERSHIP_CHANGED, partnership, new PartnershipChanged(partnership, "Fellesskap " + run,
                "SØR-ØST", List.of(), null, "ACTIVE", List.of(), List.of(new PartnershipMember("HF-" + run, "HF", null, null),
                new PartnershipMember("K-" + run, "MUNICIPALITY", null, null)), Instant.now()));
        UUID model = UUID.randomUUID();
        Events.publish(EventTypes.MODEL_PUBLISHED, model, new ModelPublished(model, 1, null, "Modell " + run, "TASK_TRANSFER",
                List.of(), List.of("SP"), List.of("APOTEKTEKNIKER"), List.of(), null, "QUALITATIVE", "PROPOSED", hf, Instant.now()));

        LocalDate today = LocalDate.now();
        List<P> pilots = List.of(
                new P(UUID.randomUUID(), hf, List.of(municipality), List.of("FRAIL_ELDERLY"), List.of("SP"), List.of("APOTEKTEKNIKER"),
                        "COMPLETED", today.minusMonths(20), null),
                new P(UUID.randomUUID(), hf, List.of(), List.of("FRAIL_ELDERLY", "CHILDREN_YOUNG"), List.of("LE"), List.of("SP"),
                        "COMPLETED", today.minusMonths(14), null),
                new P(UUID.randomUUID(), municipality, List.of(outsider), List.of(), List.of("SP"), List.of("HF"),
                        "COMPLETED", today.minusMonths(3), null),
                new P(UUID.randomUUID(), hf, List.of(), List.of("SEVERE_MENTAL_ILLNESS"), List.of("SP"), List.of(), "RUNNING",
                        null, null),
                new P(UUID.randomUUID(), municipality, List.of(), List.of(), List.of(), List.of("PORTOR"), "ABANDONED", null,
                        "COST"),
                new P(UUID.randomUUID(), hf, List.of(municipality), List.of("FRAIL_ELDERLY"), List.of("SP"), List.of("APOTEKTEKNIKER"),
                        "PLANNED", null, null));
        for (P p : pilots) {
            Events.publish(EventTypes.PILOT_REGISTERED, p.id(), new PilotRegistered(p.id(), "Pilot " + p.id(), p.owner(), "PLANNED",
                    Instant.now(), null, null, List.of(), p.from(), p.to(), partnership, p.priority(), List.of(), p.partners(),
                    null, null, null));
            if (!p.status().equals("PLANNED") && !(p.status().equals("ABANDONED"))) {
                Events.publish(EventTypes.PILOT_STARTED, p.id(), new PilotStatusChanged(p.id(), p.owner(), "PLANNED", "RUNNING",
                        today.minusMonths(30), null, null, partnership, Instant.now(), "DAY", null));
            }
            if (p.status().equals("COMPLETED")) {
                Events.publish(EventTypes.PILOT_COMPLETED, p.id(), new PilotStatusChanged(p.id(), p.owner(), "RUNNING",
                        "COMPLETED", p.completedOn(), null, null, partnership, Instant.now(), "DAY", null));
            }
            if (p.status().equals("ABANDONED")) {
                Events.publish(EventTypes.PILOT_ABANDONED, p.id(), new PilotStatusChanged(p.id(), p.owner(), "PLANNED",
                        "ABANDONED", today.minusMonths(2), p.abandonReason(), null, partnership, Instant.now(), "DAY", null));
            }
        }
        List<E> evaluations = List.of(
                new E(UUID.randomUUID(), pilots.get(0).id(), hf, List.of("CORE_TASK_TIME", "QUALITY"), today.minusMonths(11),
                        List.of(scenario("low", 1, 0.5, "PILOT_SITES", "MEASURED"), scenario("middle", 2, 0.5, "PILOT_SITES", "MEASURED"),
                                scenario("high", 3, 0.5, "PILOT_SITES", "MEASURED"),
                                scenario("low", 100, 0, "NATIONAL", "ESTIMATED"), scenario("middle", 200, 0, "NATIONAL", "ESTIMATED"),
                                scenario("high", 300, 0, "NATIONAL", "ESTIMATED"))),
                new E(UUID.randomUUID(), pilots.get(0).id(), municipality, List.of("QUALITY"), today.minusMonths(2), List.of()),
                new E(UUID.randomUUID(), pilots.get(2).id(), municipality, List.of("STAFF_WELLBEING"), null,
                        List.of(scenario("low", 0.4, 0, "PILOT_SITES", "MEASURED"), scenario("middle", 0.8, 0.2, "PILOT_SITES", "MEASURED"),
                                scenario("high", 1.2, 0.2, "PILOT_SITES", "MEASURED"))));
        for (E e : evaluations) {
            Events.publish(EventTypes.EVALUATION_DRAFTED, e.id(), new EvaluationDrafted(e.id(), e.pilot(), e.evaluator(),
                    "BEFORE_AFTER", Instant.now()));
            Events.publish(EventTypes.EVALUATION_PUBLISHED, e.id(), new EvaluationPublished(e.id(), e.pilot(), null, null,
                    "SPREAD", "MEASURED_BEFORE_AFTER", Instant.now(), e.dimensions(), e.freed(),
                    e.dimensions().stream().map(d -> new OutcomeReported(d, "m", "hours", null, 1.0, null, null, "test", null, null)).toList(),
                    e.reportOn(), e.reportOn() == null ? null : "DAY", null));
        }
        Events.publish(EventTypes.MODEL_PROVEN, model, new ModelProven(model, 1, "test", List.of(), Instant.now()));
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        LocalDate keptOn = today.minusMonths(5).withDayOfMonth(10);
        Events.publish(EventTypes.ADOPTION_DECLARED, kept, new AdoptionChanged(kept, model, 1, municipality, null, null,
                "DECLARED", null, null, Instant.now(), keptOn, "DAY", null));
        Events.publish(EventTypes.ADOPTION_DECLARED, dropped, new AdoptionChanged(dropped, model, 1, hf, null, null,
                "DECLARED", null, null, Instant.now(), today.minusMonths(3).withDayOfMonth(10), "DAY", null));
        Events.publish(EventTypes.ADOPTION_ABANDONED, dropped, new AdoptionChanged(dropped, model, 1, hf, null, null,
                "ABANDONED", "STAFFING", null, Instant.now(), today.minusMonths(1).withDayOfMonth(10), "DAY", null));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath j = dashboard(partnership);
            return j.getInt("figures.pilotsByStatus.total") == pilots.size()
                    && j.getInt("figures.publishedOutcomes.items.size()") == evaluations.size()
                    && j.getList("figures.abandonmentReasons.buckets.key").contains("adoption/STAFFING");
        });
        JsonPath j = dashboard(partnership);

        // pilotsByStatus: registered pilots of the partnership, by status
        assertEquals(countBy(pilots.stream().map(P::status).toList()), buckets(j, "pilotsByStatus"));
        // evaluatedShare: completed pilots, and those of them with a published evaluation
        List<P> completed = pilots.stream().filter(p -> p.status().equals("COMPLETED")).toList();
        long evaluated = completed.stream().filter(p -> evaluations.stream().anyMatch(e -> e.pilot().equals(p.id()))).count();
        assertEquals(completed.size(), j.getInt("figures.evaluatedShare.completed"));
        assertEquals(evaluated, j.getLong("figures.evaluatedShare.evaluated"));
        assertEquals(Math.round(1000.0 * evaluated / completed.size()) / 1000.0, j.getDouble("figures.evaluatedShare.share"), 1e-9);
        // medianMonthsToEvaluation: completion to the first dated report, in months of 30.4375 days
        List<Double> months = new ArrayList<>();
        int unknown = 0;
        for (P p : completed) {
            List<E> mine = evaluations.stream().filter(e -> e.pilot().equals(p.id())).toList();
            LocalDate first = mine.stream().map(E::reportOn).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
            if (first != null) {
                months.add(Math.round(100.0 * ChronoUnit.DAYS.between(p.completedOn(), first) / 30.4375) / 100.0);
            } else if (!mine.isEmpty()) {
                unknown++;
            }
        }
        months.sort(Double::compare);
        double median = months.size() % 2 == 1 ? months.get(months.size() / 2)
                : (months.get(months.size() / 2 - 1) + months.get(months.size() / 2)) / 2;
        assertEquals(Math.round(median * 10) / 10.0, j.getDouble("figures.medianMonthsToEvaluation.median"), 1e-9);
        assertEquals(months.size(), j.getInt("figures.medianMonthsToEvaluation.count"));
        assertEquals(unknown, j.getInt("figures.medianMonthsToEvaluation.unknownDates"));
        // overdueEvaluations: completed more than 12 months ago, no published evaluation
        long overdue = completed.stream().filter(p -> p.completedOn().isBefore(today.minusMonths(12))
                && evaluations.stream().noneMatch(e -> e.pilot().equals(p.id()))).count();
        assertEquals(overdue, j.getLong("figures.overdueEvaluations.count"));
        // partnershipPriorityGroups: pilots per priority group
        Map<String, Long> matrix = new TreeMap<>();
        pilots.forEach(p -> p.priority().forEach(g -> matrix.merge(g, 1L, Long::sum)));
        Map<String, Long> cells = new TreeMap<>();
        for (Map<String, Object> c : j.<Map<String, Object>>getList("figures.partnershipPriorityGroups.cells")) {
            if (partnership.equals(c.get("row"))) {
                cells.put((String) c.get("column"), ((Number) c.get("count")).longValue());
            }
        }
        assertEquals(matrix, cells);
        // personnelGroups: pilots per group they move work from or to
        List<String> groups = new ArrayList<>();
        pilots.forEach(p -> new java.util.TreeSet<>(concat(p.from(), p.to())).forEach(groups::add));
        assertEquals(countBy(groups), buckets(j, "personnelGroups"));
        // sharingDirections: no task of these pilots is assessed
        assertEquals(Map.of("NOT_ASSESSED", (long) pilots.size()), buckets(j, "sharingDirections"));
        // outcomeDimensions: published evaluations per dimension
        List<String> dims = new ArrayList<>();
        evaluations.forEach(e -> dims.addAll(e.dimensions()));
        assertEquals(countBy(dims), buckets(j, "outcomeDimensions"));
        // freedTime: per scope and basis, never added across; the headline is what was measured at pilot sites
        Map<String, double[]> freed = new LinkedHashMap<>();
        for (E e : evaluations) {
            for (FreedTimeScenario s : e.freed()) {
                if (s.scenario().equals("middle")) {
                    freed.merge(s.scope() + "/" + s.basis(), new double[] {s.gross(), s.extra(), s.net()},
                            (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
                }
            }
        }
        double[] sites = freed.get("PILOT_SITES/MEASURED");
        assertEquals(round1(sites[0]), j.getDouble("figures.freedTime.gross"), 1e-9);
        assertEquals(round1(sites[1]), j.getDouble("figures.freedTime.extra"), 1e-9);
        assertEquals(round1(sites[2]), j.getDouble("figures.freedTime.net"), 1e-9);
        Map<String, Double> groupsNet = new HashMap<>();
        for (Map<String, Object> g : j.<Map<String, Object>>getList("figures.freedTime.groups")) {
            groupsNet.put(g.get("scope") + "/" + g.get("basis"), round1(((Number) ((Map<?, ?>) g.get("middle")).get("net")).doubleValue()));
        }
        Map<String, Double> expectedNet = new HashMap<>();
        freed.forEach((k, v) -> expectedNet.put(k, round1(v[2])));
        assertEquals(expectedNet, groupsNet);
        // abandonmentReasons: pilots and adoptions abandoned, by reason
        assertEquals(Map.of("pilot/COST", 1L, "adoption/STAFFING", 1L), buckets(j, "abandonmentReasons"));
        // activeOrganisations: owners, partners and adopters, by kind (an organisation the suite does not know: UNKNOWN)
        assertEquals(Map.of("HF", 1L, "MUNICIPALITY", 1L, "UNKNOWN", 1L), buckets(j, "activeOrganisations"));
        // publishedOutcomes: every published evaluation of the partnership
        assertEquals(evaluations.size(), j.getInt("figures.publishedOutcomes.items.size()"));
        // spreadCurves: adopters of the proven model by month; one abandoned after it declared
        Map<String, Object> curve = j.<Map<String, Object>>getList("figures.spreadCurves").stream()
                .filter(c -> model.toString().equals(c.get("modelId"))).findFirst().orElseThrow();
        Map<String, Long> expectedPoints = new LinkedHashMap<>();
        YearMonth first = YearMonth.from(keptOn);
        YearMonth left = YearMonth.from(today.minusMonths(1));
        for (YearMonth m = first; !m.isAfter(left); m = m.plusMonths(1)) {
            long n = 1 + (!m.isBefore(YearMonth.from(today.minusMonths(3))) && m.isBefore(left) ? 1 : 0);
            expectedPoints.put(m.toString(), n);
        }
        Map<String, Long> points = new LinkedHashMap<>();
        for (Object p : (List<?>) curve.get("points")) {
            Map<?, ?> pt = (Map<?, ?>) p;
            points.put((String) pt.get("month"), ((Number) pt.get("adopters")).longValue());
        }
        assertEquals(expectedPoints, points);
        // and why the model is proven: the rule and evaluations model.proven named
        assertEquals("test", ((Map<?, ?>) curve.get("provenBy")).get("rule"));
        assertEquals(List.of(), ((Map<?, ?>) curve.get("provenBy")).get("evaluationIds"));
    }

    static FreedTimeScenario scenario(String name, double gross, double extra, String scope, String basis) {
        return new FreedTimeScenario(name, gross, extra, gross - extra, scope, basis);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static Map<String, Long> countBy(List<String> keys) {
        Map<String, Long> m = new TreeMap<>();
        keys.forEach(k -> m.merge(k, 1L, Long::sum));
        return m;
    }

    static Map<String, Long> buckets(JsonPath j, String figure) {
        Map<String, Long> m = new TreeMap<>();
        for (Map<String, Object> b : j.<Map<String, Object>>getList("figures." + figure + ".buckets")) {
            m.put((String) b.get("key"), ((Number) b.get("count")).longValue());
        }
        return m;
    }

    static JsonPath dashboard(String partnership) {
        return given().header("Authorization", admin()).queryParam("partnership", partnership).get("/api/dashboard")
                .then().statusCode(200).extract().jsonPath();
    }
}
