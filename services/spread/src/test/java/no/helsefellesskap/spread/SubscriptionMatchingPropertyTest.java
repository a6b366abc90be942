package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.AdoptionChanged;
import no.helsefellesskap.model.events.EvaluationDrafted;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.PartnershipChanged;
import no.helsefellesskap.model.events.PartnershipMember;
import no.helsefellesskap.model.events.PilotEvaluationOverdue;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import no.helsefellesskap.model.events.TaskRegistered;
import no.helsefellesskap.runtime.data.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: for random histories of pilots, models, evaluations and adoptions, and random subscriptions, the items
 * delivered to each subscription are exactly those an independent oracle says. The oracle is written here from the
 * README's filter table (services/spread/README.md, "What each filter matches"), from the facts this test itself
 * published, and calls no production matching code. Each history is generated from a seed, printed on failure.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class SubscriptionMatchingPropertyTest {

    static final int HISTORIES = 3;
    static final String SUBSCRIBER = "842566142";

    @Inject
    Db db;

    // ---- the world of one history, as the test published it

    record Org(String code, String orgnr, String kommunenummer) {
    }

    record Model(UUID id, List<UUID> tasks, List<String> from, List<String> to) {
    }

    record Pilot(UUID id, String partnership, Org owner, List<Org> partners, List<String> priority, List<String> from,
                 List<String> to, List<UUID> tasks, Model model) {
    }

    /** A feed event and what the README's table says it is about. */
    record Item(String eventId, String type, Set<String> partnerships, Set<String> orgnrs, Set<String> kommunenummer,
                Set<String> priority, Set<String> groups, Set<String> categories, Set<String> models, String recommendation) {
    }

    record Filters(List<String> partnerships, List<String> kommunenummer, List<String> organisations,
                   List<String> priorityGroups, List<String> personnelGroups, List<String> taskCategories,
                   List<String> models, List<String> eventTypes, List<String> recommendations) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "partnerships", partnerships);
            put(m, "kommunenummer", kommunenummer);
            put(m, "organisations", organisations);
            put(m, "priorityGroups", priorityGroups);
            put(m, "personnelGroups", personnelGroups);
            put(m, "taskCategories", taskCategories);
            put(m, "models", models);
            put(m, "eventTypes", eventTypes);
            put(m, "recommendations", recommendations);
            return m;
        }

        private static void put(Map<String, Object> m, String k, List<String> v) {
            if (!v.isEmpty()) {
                m.put(k, v);
            }
        }
    }

    /** The oracle: README's rules, written out. Empty = any; AND across filters; kommunenummer or organisations. */
    static boolean oracle(Filters f, Item i) {
        boolean place = f.kommunenummer().isEmpty() && f.organisations().isEmpty()
                || f.kommunenummer().stream().anyMatch(i.kommunenummer()::contains)
                || f.organisations().stream().anyMatch(i.orgnrs()::contains);
        return place
                && anyOf(f.partnerships(), i.partnerships())
                && anyOf(f.priorityGroups(), i.priority())
                && anyOf(f.personnelGroups(), i.groups())
                && anyOf(f.taskCategories(), i.categories())
                && anyOf(f.models(), i.models())
                && (f.eventTypes().isEmpty() || f.eventTypes().contains(i.type()))
                && (f.recommendations().isEmpty() || i.recommendation() != null && f.recommendations().contains(i.recommendation()));
    }

    static boolean anyOf(List<String> wanted, Set<String> have) {
        return wanted.isEmpty() || wanted.stream().anyMatch(have::contains);
    }

    @Test
    void everySubscriptionGetsExactlyWhatTheFilterTableSays() {
        long base = System.nanoTime();
        for (int h = 0; h < HISTORIES; h++) {
            long seed = base + h;
            try {
                history(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("history with seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void history(Random r) {
        Vocabulary vocabulary = Vocabulary.loadDefault();
        List<String> priorityCodes = List.copyOf(vocabulary.codes(Vocabulary.PRIORITY_GROUP));
        List<String> categoryCodes = List.copyOf(vocabulary.codes(Vocabulary.TASK_CATEGORY)).subList(0, 4);
        List<String> recommendationCodes = List.copyOf(vocabulary.codes(Vocabulary.RECOMMENDATION));
        List<String> groupCodes = PersonnelGroups.loadDefault().all().stream().map(g -> g.code()).limit(5).toList();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // organisations with numbers of their own (valid mod 11) and kommunenummer of their own, two partnerships
        List<Org> orgs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Org o = new Org("PROP-" + run + "-" + i, orgnr(r), i == 0 ? null : String.format("%04d", 1000 + r.nextInt(9000)));
            orgs.add(o);
            Events.publish(EventTypes.ORGANISATION_CHANGED, o.code(), new OrganisationChanged(o.code(),
                    i == 0 ? "HF" : "MUNICIPALITY", "Org " + o.code(), o.orgnr(), null, o.kommunenummer(), null, null, null));
        }
        List<String> partnerships = List.of("PROP-" + run + "-P1", "PROP-" + run + "-P2");
        Map<String, Set<String>> membersOf = new HashMap<>();
        for (int p = 0; p < 2; p++) {
            List<Org> members = p == 0 ? orgs.subList(0, 3) : orgs.subList(2, 4);
            membersOf.put(partnerships.get(p), new LinkedHashSet<>(members.stream().map(Org::code).toList()));
            Events.publish(EventTypes.PARTNERSHIP_CHANGED, partnerships.get(p), new PartnershipChanged(partnerships.get(p),
                    "Fellesskap " + p, "SØR-ØST", List.of(), null, "ACTIVE", List.of(),
                    members.stream().map(o -> new PartnershipMember(o.code(), "MEMBER", null, null)).toList(), Instant.now()));
        }
        Map<UUID, String> categoryOf = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            UUID t = UUID.randomUUID();
            categoryOf.put(t, pick(r, categoryCodes));
            Events.publish(EventTypes.TASK_REGISTERED, t, new TaskRegistered(t, "Oppgave " + t, null, categoryOf.get(t),
                    List.of(), List.of("SP"), false, List.of(), orgs.get(0).orgnr(), Instant.now()));
        }
        List<UUID> tasks = List.copyOf(categoryOf.keySet());
        awaitRows("select count(*) from partnership where code = any(?)", 2, (Object) partnerships.toArray(new String[0]));
        awaitRows("select count(*) from organisation where code like ?", 4, "PROP-" + run + "-%");
        awaitRows("select count(*) from task where task_id::text = any(?)", 5,
                (Object) tasks.stream().map(UUID::toString).toArray(String[]::new));

        // random subscriptions over this world's values (and a value of nobody's, sometimes)
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            models.add(new Model(UUID.randomUUID(), some(r, tasks, 0, 2), some(r, groupCodes, 1, 2), some(r, groupCodes, 1, 2)));
        }
        Map<String, Filters> subscriptions = new LinkedHashMap<>();
        for (int s = 0; s < 14; s++) {
            Filters f = new Filters(
                    maybe(r, partnerships), maybe(r, orgs.stream().map(Org::kommunenummer).filter(k -> k != null).toList()),
                    maybe(r, orgs.stream().map(Org::orgnr).toList()), maybe(r, priorityCodes), maybe(r, groupCodes),
                    maybe(r, categoryCodes), maybe(r, models.stream().map(m -> m.id().toString()).toList()),
                    maybe(r, EventTypes.FEED.stream().map(EventType::type).toList()), maybe(r, recommendationCodes));
            Map<String, Object> body = new HashMap<>();
            body.put("name", "Egenskapstest " + run + " " + s);
            body.put("filters", f.json());
            String id = given().header("Authorization", TestTokens.bearer(SUBSCRIBER, "subscriber")).contentType(ContentType.JSON)
                    .body(body).post("/api/subscriptions").then().statusCode(201).extract().path("id");
            subscriptions.put(id, f);
        }

        // the history: models, pilots, their fates, evaluations, proofs, adoptions
        List<Item> items = new ArrayList<>();
        for (Model m : models) {
            String e = Events.publish(EventTypes.MODEL_PUBLISHED, m.id(), new ModelPublished(m.id(), 1, null, "Modell " + m.id(),
                    "TASK_TRANSFER", m.tasks(), m.from(), m.to(), List.of(), null, "QUALITATIVE", "PROPOSED", orgs.get(0).orgnr(),
                    Instant.now()));
            items.add(modelItem(e, EventTypes.MODEL_PUBLISHED, m, categoryOf));
        }
        awaitRows("select count(*) from model_version where model_id::text = any(?)", 3,
                (Object) models.stream().map(m -> m.id().toString()).toArray(String[]::new));
        List<Pilot> pilots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Model model = r.nextInt(3) == 0 ? null : pick(r, models);
            List<UUID> own = model == null ? some(r, tasks, 1, 2) : r.nextBoolean() ? List.of() : some(r, tasks, 1, 1);
            Org owner = pick(r, orgs);
            List<Org> partners = some(r, orgs.stream().filter(o -> o != owner).toList(), 0, 2);
            Pilot p = new Pilot(UUID.randomUUID(), pick(r, partnerships), owner, partners, some(r, priorityCodes, 0, 2),
                    some(r, groupCodes, 0, 2), some(r, groupCodes, 0, 2), own, model);
            pilots.add(p);
            String e = Events.publish(EventTypes.PILOT_REGISTERED, p.id(), new PilotRegistered(p.id(), "Pilot " + p.id(),
                    owner.orgnr(), "PLANNED", Instant.now(), model == null ? null : model.id(), model == null ? null : 1,
                    own, p.from(), p.to(), p.partnership(), p.priority(), List.of(), partners.stream().map(Org::orgnr).toList(),
                    null, null, null));
            items.add(pilotItem(e, EventTypes.PILOT_REGISTERED.type(), p, categoryOf));
        }
        awaitRows("select count(*) from pilot where pilot_id::text = any(?)", pilots.size(),
                (Object) pilots.stream().map(p -> p.id().toString()).toArray(String[]::new));
        List<String> evaluationIds = new ArrayList<>();
        for (Pilot p : pilots) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    items.add(pilotItem(status(EventTypes.PILOT_ABANDONED, p, "PLANNED", "ABANDONED"), EventTypes.PILOT_ABANDONED.type(), p, categoryOf));
                }
                case 1 -> {
                    items.add(pilotItem(status(EventTypes.PILOT_STARTED, p, "PLANNED", "RUNNING"), EventTypes.PILOT_STARTED.type(), p, categoryOf));
                }
                default -> {
                    items.add(pilotItem(status(EventTypes.PILOT_STARTED, p, "PLANNED", "RUNNING"), EventTypes.PILOT_STARTED.type(), p, categoryOf));
                    items.add(pilotItem(status(EventTypes.PILOT_COMPLETED, p, "RUNNING", "COMPLETED"), EventTypes.PILOT_COMPLETED.type(), p, categoryOf));
                    if (r.nextBoolean()) {
                        String e = Events.publish(EventTypes.PILOT_EVALUATION_OVERDUE, p.id(), new PilotEvaluationOverdue(p.id(),
                                p.owner().orgnr(), LocalDate.now().minusMonths(13), 12, Instant.now()));
                        items.add(pilotItem(e, EventTypes.PILOT_EVALUATION_OVERDUE.type(), p, categoryOf));
                    }
                    if (r.nextBoolean()) {
                        UUID evaluation = UUID.randomUUID();
                        Org evaluator = pick(r, orgs);
                        Events.publish(EventTypes.EVALUATION_DRAFTED, evaluation, new EvaluationDrafted(evaluation, p.id(),
                                evaluator.orgnr(), "BEFORE_AFTER", Instant.now()));
                        evaluationIds.add(evaluation.toString());
                        String recommendation = pick(r, recommendationCodes);
                        // the payload names the model only sometimes; spread knows it from the pilot
                        String e = Events.publishedEvaluation(evaluation, p.id(), r.nextBoolean() && p.model() != null
                                ? p.model().id() : null, recommendation);
                        Item i = pilotItem(e, EventTypes.EVALUATION_PUBLISHED.type(), p, categoryOf);
                        Set<String> withEvaluator = new TreeSet<>(i.orgnrs());
                        withEvaluator.add(evaluator.orgnr());
                        Set<String> kn = new TreeSet<>(i.kommunenummer());
                        if (evaluator.kommunenummer() != null) {
                            kn.add(evaluator.kommunenummer());
                        }
                        items.add(new Item(i.eventId(), i.type(), i.partnerships(), withEvaluator, kn, i.priority(), i.groups(),
                                i.categories(), i.models(), recommendation));
                    }
                }
            }
        }
        for (Model m : models) {
            if (r.nextBoolean()) {
                String e = Events.publish(EventTypes.MODEL_PROVEN, m.id(), new ModelProven(m.id(), 1, "test rule", List.of(),
                        Instant.now()));
                items.add(modelItem(e, EventTypes.MODEL_PROVEN, m, categoryOf));
            }
            for (int a = r.nextInt(3); a > 0; a--) {
                Org adopter = pick(r, orgs);
                UUID adoption = UUID.randomUUID();
                EventType type = pick(r, List.of(EventTypes.ADOPTION_DECLARED, EventTypes.ADOPTION_COMPLETED, EventTypes.ADOPTION_ABANDONED));
                String e = Events.publish(type, adoption, new AdoptionChanged(adoption, m.id(), 1, adopter.orgnr(), null, null,
                        "DECLARED", null, null, Instant.now(), null, null, null));
                Item mi = modelItem(e, type, m, categoryOf);
                Set<String> places = new TreeSet<>();
                membersOf.forEach((p, members) -> {
                    if (members.contains(adopter.code())) {
                        places.add(p);
                    }
                });
                items.add(new Item(e, type.type(), places, Set.of(adopter.orgnr()),
                        adopter.kommunenummer() == null ? Set.of() : Set.of(adopter.kommunenummer()), Set.of(), mi.groups(),
                        mi.categories(), mi.models(), null));
            }
        }

        // every item in the feed, then: delivered == oracle, per subscription
        List<String> all = items.stream().map(Item::eventId).toList();
        awaitRows("select count(*) from feed_item where event_id = any(?)", all.size(), (Object) all.toArray(new String[0]));
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Filters> s : subscriptions.entrySet()) {
            Set<String> expected = new TreeSet<>();
            for (Item i : items) {
                if (oracle(s.getValue(), i)) {
                    expected.add(i.type() + " " + i.eventId());
                }
            }
            Set<String> delivered = new TreeSet<>(db.list("""
                    select f.type || ' ' || f.event_id from delivery d join feed_item f on f.seq = d.item_seq
                    where d.subscription_id = ?::uuid and f.event_id = any(?)""", rs -> rs.getString(1), s.getKey(),
                    (Object) all.toArray(new String[0])));
            if (!expected.equals(delivered)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(delivered);
                Set<String> extra = new TreeSet<>(delivered);
                extra.removeAll(expected);
                mismatches.add("filters " + s.getValue().json() + ": missing " + describe(missing, items) + ", extra "
                        + describe(extra, items));
            }
            given().header("Authorization", TestTokens.bearer(SUBSCRIBER, "subscriber")).delete("/api/subscriptions/" + s.getKey());
        }
        assertEquals(List.of(), mismatches, items.size() + " items, " + subscriptions.size() + " subscriptions");
    }

    private static List<Item> describe(Set<String> keys, List<Item> items) {
        return items.stream().filter(i -> keys.contains(i.type() + " " + i.eventId())).toList();
    }

    private static String status(EventType type, Pilot p, String from, String to) {
        return Events.publish(type, p.id(), new PilotStatusChanged(p.id(), p.owner().orgnr(), from, to, LocalDate.now(),
                type == EventTypes.PILOT_ABANDONED ? "COST" : null, null, null, Instant.now(), "DAY", null));
    }

    /** README: a pilot's events match on its partnership, owner and partners (and their kommunenummer), priority
     * groups, its and its model's personnel groups, its tasks' categories (its model's when it names none), its model. */
    static Item pilotItem(String eventId, String type, Pilot p, Map<UUID, String> categoryOf) {
        Set<String> orgnrs = new TreeSet<>();
        Set<String> kn = new TreeSet<>();
        orgnrs.add(p.owner().orgnr());
        if (p.owner().kommunenummer() != null) {
            kn.add(p.owner().kommunenummer());
        }
        for (Org o : p.partners()) {
            orgnrs.add(o.orgnr());
            if (o.kommunenummer() != null) {
                kn.add(o.kommunenummer());
            }
        }
        Set<String> groups = new TreeSet<>(p.from());
        groups.addAll(p.to());
        Set<String> categories = new TreeSet<>();
        List<UUID> tasks = !p.tasks().isEmpty() || p.model() == null ? p.tasks() : p.model().tasks();
        tasks.forEach(t -> categories.add(categoryOf.get(t)));
        Set<String> models = new TreeSet<>();
        if (p.model() != null) {
            groups.addAll(p.model().from());
            groups.addAll(p.model().to());
            models.add(p.model().id().toString());
        }
        return new Item(eventId, type, Set.of(p.partnership()), orgnrs, kn, new TreeSet<>(p.priority()), groups, categories,
                models, null);
    }

    /** README: a model's events match on its personnel groups, its tasks' categories and the model; no place. */
    static Item modelItem(String eventId, EventType type, Model m, Map<UUID, String> categoryOf) {
        Set<String> groups = new TreeSet<>(m.from());
        groups.addAll(m.to());
        Set<String> categories = new TreeSet<>();
        m.tasks().forEach(t -> categories.add(categoryOf.get(t)));
        return new Item(eventId, type.type(), Set.of(), Set.of(), Set.of(), Set.of(), groups, categories,
                Set.of(m.id().toString()), null);
    }

    private void awaitRows(String countSql, long expected, Object... params) {
        await().atMost(Duration.ofSeconds(60)).until(() -> db.one(countSql, rs -> rs.getLong(1), params).orElse(0L) >= expected);
    }

    /** Empty (any) half the time; else one or two values, now and then one that matches nothing here. */
    private static List<String> maybe(Random r, List<String> values) {
        if (values.isEmpty() || r.nextBoolean()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(some(r, values, 1, 2));
        return out;
    }

    private static <T> List<T> some(Random r, List<T> values, int min, int max) {
        List<T> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, r);
        return List.copyOf(shuffled.subList(0, Math.min(shuffled.size(), min + r.nextInt(max - min + 1))));
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** A random organisation number with a valid mod-11 check digit. */
    static String orgnr(Random r) {
        int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
        while (true) {
            int[] d = new int[8];
            d[0] = 8 + r.nextInt(2);
            int sum = d[0] * w[0];
            for (int i = 1; i < 8; i++) {
                d[i] = r.nextInt(10);
                sum += d[i] * w[i];
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (int x : d) {
                b.append(x);
            }
            return b.append(check == 11 ? 0 : check).toString();
        }
    }
}
