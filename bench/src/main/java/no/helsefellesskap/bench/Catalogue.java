package no.helsefellesskap.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A valid request for every endpoint of the suite, each prepared on resources made for it (a fresh pilot for a
 * lifecycle step, a draft for a publication), and who may send it: the persona acting for itself ("own"), the one
 * that must be refused ("other"), and what a programme administrator without an organisation gets. The expected
 * statuses follow the services' READMEs: reads are open to every signed-in caller of the programme; writes act
 * only for the caller's organisation; a subscription or a draft of another organisation does not exist for it (404).
 */
final class Catalogue {

    enum Persona {
        AHUS, LORENSKOG, STRANGER, ADMIN
    }

    record Request(String path, String body) {
    }

    record Entry(String service, String method, String path, Persona own, Persona other, String expectOther,
                 String expectAdmin, boolean stream, Supplier<Request> prepare) {
        String name() {
            return method + " " + path;
        }
    }

    private final BenchContext ctx;
    /** This catalogue's receiver key: another run's subscription must not share its secret. */
    private final String hookKey = "catalogue-" + UUID.randomUUID();
    private final AtomicInteger seq = new AtomicInteger();
    final String task;
    final String model;
    final String pilot;
    final String draft;
    final String subscription;
    final String adoption;
    final String organisation;

    Catalogue(BenchContext ctx) {
        this.ctx = ctx;
        task = id(post("task-catalogue", "/api/tasks", ctx.ahus(), taskBody()));
        model = ctx.tree(post("task-catalogue", "/api/models", ctx.ahus(), modelBody()).body()).path("modelId").asText();
        ctx.settle(); // pilot-projects must know the task before a pilot names it
        // a consumer that has not yet been given its partitions has no committed offset, so zero lag does not show it
        // has read the model: the competence-registry must know it before its gap is asked for
        String gaps = ctx.url("competence-registry", "/api/competence-gaps?modelId=" + model + "&version=1&orgnr="
                + BenchContext.AHUS);
        if (!BenchContext.await(java.time.Duration.ofSeconds(60),
                () -> ctx.http.send("GET", gaps, ctx.ahus(), null).status() != 404)) {
            throw new IllegalStateException("competence-registry never learnt of model " + model);
        }
        pilot = newPilot();
        organisation = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        post("pilot-projects", "/api/organisations", ctx.admin(), orgBody(organisation));
        ctx.settle(); // the evaluations service must know the pilot before a draft names it
        draft = id(post("evaluations", "/api/evaluations", ctx.ahus(), EventLatency.evaluationBody(pilot)));
        subscription = webhookSubscription();
        adoption = newAdoption();
    }

    static String orgnr(Persona p) {
        return switch (p) {
            case AHUS -> BenchContext.AHUS;
            case LORENSKOG -> BenchContext.LORENSKOG;
            case STRANGER -> BenchContext.STRANGER;
            case ADMIN -> null;
        };
    }

    static String[] roles(Persona p) {
        return p == Persona.ADMIN ? new String[] {"programme-admin"} : new String[] {"registrar", "evaluator", "subscriber"};
    }

    String token(Persona p) {
        return ctx.bearer(orgnr(p), roles(p));
    }

    /**
     * A fixture's request; a 422 saying another service's record is not yet known to the service ("not known to", "is known to") is asked again for up to 60 s:
     * a consumer not yet given its partitions has no committed offset, so the harness's zero-lag wait cannot see
     * that it has not read the record yet.
     */
    private Http.Reply post(String service, String path, String token, String body) {
        Http.Reply r = ctx.http.send("POST", ctx.url(service, path), token, body);
        long until = System.nanoTime() + 60_000_000_000L;
        while (r.status() == 422 && r.body() != null && r.body().contains("known to") && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            r = ctx.http.send("POST", ctx.url(service, path), token, body);
        }
        if (!r.ok()) {
            throw new IllegalStateException("fixture " + path + ": " + r.status() + " " + r.body());
        }
        return r;
    }

    private String id(Http.Reply r) {
        return ctx.tree(r.body()).path("id").asText();
    }

    String taskBody() {
        return "{\"nameNb\":\"Bench oppgave " + seq.incrementAndGet() + "\",\"category\":\"DOCUMENTATION\",\"currentPerformerGroups\":[\"LE\"]}";
    }

    String modelBody() {
        return "{\"name\":\"Bench modell " + seq.incrementAndGet() + "\",\"modelType\":\"TASK_TRANSFER\",\"taskIds\":[\"" + task
                + "\"],\"fromGroups\":[\"LE\"],\"toGroups\":[\"SP\"],\"evidenceLevel\":\"QUALITATIVE\"}";
    }

    static String orgBody(String code) {
        return "{\"code\":\"" + code + "\",\"kind\":\"CONSULTANCY\",\"name\":\"Bench organisation\",\"source\":\"bench harness\","
                + "\"sandbox\":true}";
    }

    String pilotBody() {
        return "{\"title\":\"Bench authz pilot " + seq.incrementAndGet() + "\",\"ownerOrgnr\":\"" + BenchContext.AHUS
                + "\",\"taskIds\":[\"" + task + "\"],\"toGroups\":[\"PORTOR\"],\"partnerOrgnrs\":[\"" + BenchContext.LORENSKOG + "\"]}";
    }

    String newPilot() {
        return id(post("pilot-projects", "/api/pilots", ctx.ahus(), pilotBody()));
    }

    String runningPilot() {
        String id = newPilot();
        post("pilot-projects", "/api/pilots/" + id + "/start", ctx.ahus(), "{\"date\":\"2026-01-01\"}");
        return id;
    }

    String newDraft() {
        return id(post("evaluations", "/api/evaluations", ctx.ahus(), EventLatency.evaluationBody(pilot)));
    }

    /** Only the fixture's own subscription has a webhook (replay and secret rotation need one). */
    String subscriptionBody(boolean webhook) {
        return "{\"name\":\"Bench authz " + seq.incrementAndGet() + "\",\"filters\":{\"partnerships\":[\"HFS-AHUS\"],"
                + "\"eventTypes\":[\"" + no.helsefellesskap.model.events.EventTypes.ADOPTION_DECLARED.type() + "\"]}" + (webhook ? ",\"webhookUrl\":\"" + ctx.receiver.url(hookKey) + "\"" : "") + "}";
    }

    String subscriptionBody() {
        return subscriptionBody(false);
    }

    String newSubscription() {
        return id(post("spread", "/api/subscriptions", ctx.lorenskog(), subscriptionBody()));
    }

    private String webhookSubscription() {
        Http.Reply r = post("spread", "/api/subscriptions", ctx.lorenskog(), subscriptionBody(true));
        ctx.receiver.secret(hookKey, ctx.tree(r.body()).path("secret").asText());
        return id(r);
    }

    String adoptionBody() {
        return "{\"modelId\":\"" + model + "\",\"modelVersion\":1}";
    }

    String newAdoption() {
        return id(post("pilot-projects", "/api/adoptions", ctx.lorenskog(), adoptionBody()));
    }

    String newOrganisation() {
        String code = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        post("pilot-projects", "/api/organisations", ctx.admin(), orgBody(code));
        return code;
    }

    List<Entry> entries() {
        Persona A = Persona.AHUS;
        Persona L = Persona.LORENSKOG;
        Persona S = Persona.STRANGER;
        Persona ADM = Persona.ADMIN;
        List<Entry> e = new ArrayList<>();
        String since = "{\"since\":\"2026-01-01T00:00:00Z\"}";
        // spread
        e.add(new Entry("spread", "POST", "/api/admin/read-models/rebuild", ADM, A, "403", "2xx", false, () -> new Request("/api/admin/read-models/rebuild", null)));
        e.add(read("spread", "/api/dashboard", () -> "/api/dashboard?partnership=HFS-AHUS"));
        e.add(read("spread", "/api/dashboard/records", () -> "/api/dashboard/records?figure=pilotsByStatus&key=PLANNED"));
        e.add(read("spread", "/api/dashboard/mine", () -> "/api/dashboard/mine"));
        e.add(read("spread", "/api/dashboard/partnerships", () -> "/api/dashboard/partnerships"));
        e.add(read("spread", "/api/dashboard/partnerships/{code}", () -> "/api/dashboard/partnerships/HFS-AHUS"));
        e.add(read("spread", "/api/dashboard/partnership-map", () -> "/api/dashboard/partnership-map"));
        e.add(read("spread", "/api/dashboard/published-outcomes", () -> "/api/dashboard/published-outcomes?q=blod&limit=5"));
        e.add(read("spread", "/api/models/{id}", () -> "/api/models/" + model));
        e.add(read("spread", "/api/pilots", () -> "/api/pilots?partnership=HFS-AHUS"));
        e.add(read("spread", "/api/pilots/{id}", () -> "/api/pilots/" + pilot));
        e.add(new Entry("spread", "GET", "/api/stream/outcomes", A, L, "2xx", "2xx", true, () -> new Request("/api/stream/outcomes", null)));
        e.add(new Entry("spread", "GET", "/api/subscriptions", L, A, "2xx", "403", false, () -> new Request("/api/subscriptions", null)));
        e.add(new Entry("spread", "POST", "/api/subscriptions", L, A, "2xx", "403", false, () -> new Request("/api/subscriptions", subscriptionBody())));
        e.add(new Entry("spread", "GET", "/api/subscriptions/{id}", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription, null)));
        e.add(new Entry("spread", "PUT", "/api/subscriptions/{id}", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription, subscriptionBody(true))));
        e.add(new Entry("spread", "DELETE", "/api/subscriptions/{id}", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + newSubscription(), null)));
        for (String sub : List.of("deliveries", "feed.atom", "feed.json")) {
            e.add(new Entry("spread", "GET", "/api/subscriptions/{id}/" + sub, L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription + "/" + sub, null)));
        }
        e.add(new Entry("spread", "GET", "/api/subscriptions/{id}/events", L, A, "404", "403", true, () -> new Request("/api/subscriptions/" + subscription + "/events", null)));
        e.add(new Entry("spread", "POST", "/api/subscriptions/{id}/pause", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription + "/pause", null)));
        e.add(new Entry("spread", "POST", "/api/subscriptions/{id}/resume", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription + "/resume", null)));
        e.add(new Entry("spread", "POST", "/api/subscriptions/{id}/replay", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription + "/replay", since)));
        e.add(new Entry("spread", "POST", "/api/subscriptions/{id}/secret", L, A, "404", "403", false, () -> new Request("/api/subscriptions/" + subscription + "/secret", null)));
        // competence-registry
        e.add(read("competence-registry", "/api/competence-gaps", () -> "/api/competence-gaps?modelId=" + model + "&version=1&orgnr=" + BenchContext.AHUS));
        e.add(new Entry("competence-registry", "POST", "/api/competence-profiles", A, L, "2xx", "403", false, () -> new Request("/api/competence-profiles",
                "{\"organisationUnit\":\"Bench enhet " + UUID.randomUUID() + "\",\"personnelGroup\":\"HF\",\"competence\":\"BLODPROVETAKING\",\"headcount\":7,\"countedOn\":\"2026-11-01\"}")));
        e.add(read("competence-registry", "/api/competence-profiles", () -> "/api/competence-profiles?orgnr=" + BenchContext.AHUS));
        e.add(read("competence-registry", "/api/competences", () -> "/api/competences"));
        e.add(read("competence-registry", "/api/competences/{code}", () -> "/api/competences/BLODPROVETAKING"));
        e.add(read("competence-registry", "/api/personnel-groups", () -> "/api/personnel-groups"));
        e.add(read("competence-registry", "/api/personnel-groups/{code}", () -> "/api/personnel-groups/SP"));
        e.add(read("competence-registry", "/api/sign-off-schemes", () -> "/api/sign-off-schemes"));
        e.add(read("competence-registry", "/api/sign-off-schemes/{code}", () -> "/api/sign-off-schemes/ROYKEN"));
        // task-catalogue
        e.add(new Entry("task-catalogue", "POST", "/api/models", A, L, "2xx", "403", false, () -> new Request("/api/models", modelBody())));
        e.add(read("task-catalogue", "/api/models", () -> "/api/models"));
        e.add(read("task-catalogue", "/api/models/{id}", () -> "/api/models/" + model));
        e.add(read("task-catalogue", "/api/models/{id}/versions", () -> "/api/models/" + model + "/versions"));
        e.add(new Entry("task-catalogue", "POST", "/api/models/{id}/versions", A, L, "403", "403", false, () -> new Request("/api/models/" + model + "/versions", modelBody())));
        e.add(read("task-catalogue", "/api/models/{id}/versions/{version}", () -> "/api/models/" + model + "/versions/1"));
        e.add(new Entry("task-catalogue", "POST", "/api/models/{id}/versions/{version}/lifecycle", A, L, "403", "403", false, () -> {
            String m = ctx.tree(post("task-catalogue", "/api/models", ctx.ahus(), modelBody()).body()).path("modelId").asText();
            return new Request("/api/models/" + m + "/versions/1/lifecycle", "{\"to\":\"ASSESSED\",\"reason\":\"bench\"}");
        }));
        e.add(read("task-catalogue", "/api/search", () -> "/api/search?q=Bench"));
        e.add(new Entry("task-catalogue", "POST", "/api/tasks", A, L, "2xx", "403", false, () -> new Request("/api/tasks", taskBody())));
        e.add(read("task-catalogue", "/api/tasks", () -> "/api/tasks"));
        e.add(read("task-catalogue", "/api/tasks/{id}", () -> "/api/tasks/" + task));
        e.add(new Entry("task-catalogue", "PUT", "/api/tasks/{id}/assessment", A, L, "403", "403", false, () -> new Request("/api/tasks/" + task + "/assessment",
                "{\"requiresFormalHealthCompetence\":\"NO\",\"sharingDirections\":[\"VERTICAL_DOWN\"]}")));
        // pilot-projects
        e.add(new Entry("pilot-projects", "POST", "/api/adoptions", L, A, "2xx", "403", false, () -> new Request("/api/adoptions", adoptionBody())));
        e.add(read("pilot-projects", "/api/adoptions/{id}", () -> "/api/adoptions/" + adoption));
        e.add(new Entry("pilot-projects", "POST", "/api/adoptions/{id}/abandon", L, A, "403", "403", false, () -> new Request("/api/adoptions/" + newAdoption() + "/abandon", "{\"reason\":\"STAFFING\"}")));
        e.add(new Entry("pilot-projects", "POST", "/api/adoptions/{id}/complete", L, A, "403", "403", false, () -> new Request("/api/adoptions/" + newAdoption() + "/complete", null)));
        e.add(read("pilot-projects", "/api/models/{id}/lineage", () -> "/api/models/" + model + "/lineage"));
        e.add(new Entry("pilot-projects", "POST", "/api/organisations", ADM, A, "403", "2xx", false, () -> new Request("/api/organisations",
                orgBody("BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()))));
        e.add(read("pilot-projects", "/api/organisations", () -> "/api/organisations"));
        e.add(read("pilot-projects", "/api/organisations/{code}", () -> "/api/organisations/HF-AHUS"));
        e.add(new Entry("pilot-projects", "PUT", "/api/organisations/{code}", ADM, A, "403", "2xx", false, () -> new Request("/api/organisations/" + newOrganisation(),
                "{\"name\":\"Bench organisation renamed\",\"validFrom\":\"" + LocalDate.now().plusDays(1) + "\"}")));
        e.add(read("pilot-projects", "/api/partnerships", () -> "/api/partnerships"));
        e.add(read("pilot-projects", "/api/partnerships/{code}", () -> "/api/partnerships/HFS-AHUS"));
        e.add(new Entry("pilot-projects", "POST", "/api/partnerships/{code}/members", ADM, A, "403", "2xx", false, () -> new Request("/api/partnerships/HFS-AHUS/members",
                "{\"organisation\":\"" + newOrganisation() + "\",\"role\":\"MUNICIPALITY\",\"validFrom\":\"2030-01-01\"}")));
        e.add(new Entry("pilot-projects", "POST", "/api/pilots", A, L, "403", "403", false, () -> new Request("/api/pilots", pilotBody())));
        e.add(read("pilot-projects", "/api/pilots", () -> "/api/pilots?owner=" + BenchContext.AHUS + "&status=PLANNED"));
        e.add(read("pilot-projects", "/api/pilots/{id}", () -> "/api/pilots/" + pilot));
        e.add(new Entry("pilot-projects", "POST", "/api/pilots/{id}/start", A, L, "403", "403", false, () -> new Request("/api/pilots/" + newPilot() + "/start", "{\"date\":\"2026-02-01\"}")));
        e.add(new Entry("pilot-projects", "POST", "/api/pilots/{id}/complete", A, L, "403", "403", false, () -> new Request("/api/pilots/" + runningPilot() + "/complete", "{\"date\":\"2026-08-01\"}")));
        e.add(new Entry("pilot-projects", "POST", "/api/pilots/{id}/abandon", A, L, "403", "403", false, () -> new Request("/api/pilots/" + newPilot() + "/abandon", "{\"date\":\"2026-03-01\",\"reason\":\"COST\"}")));
        for (String answer : List.of("confirm", "decline")) {
            e.add(new Entry("pilot-projects", "POST", "/api/pilots/{id}/partners/{orgnr}/" + answer, L, A, "403", "403", false, () -> new Request(
                    "/api/pilots/" + newPilot() + "/partners/" + BenchContext.LORENSKOG + "/" + answer, "{\"comment\":\"bench\"}")));
        }
        // evaluations
        e.add(read("evaluations", "/api/evaluations", () -> "/api/evaluations?pilotId=" + pilot));
        e.add(new Entry("evaluations", "POST", "/api/evaluations", A, S, "403", "403", false, () -> new Request("/api/evaluations", EventLatency.evaluationBody(pilot))));
        e.add(new Entry("evaluations", "PUT", "/api/evaluations/{id}", A, S, "404", "403", false, () -> new Request("/api/evaluations/" + draft, EventLatency.evaluationBody(pilot))));
        e.add(new Entry("evaluations", "GET", "/api/evaluations/{id}", A, S, "404", "404", false, () -> new Request("/api/evaluations/" + draft, null)));
        e.add(new Entry("evaluations", "POST", "/api/evaluations/{id}/publish", A, S, "404", "403", false, () -> new Request("/api/evaluations/" + newDraft() + "/publish", null)));
        e.add(new Entry("evaluations", "POST", "/api/freed-time/calculations", A, L, "2xx", "2xx", false, () -> new Request("/api/freed-time/calculations", FREED_TIME)));
        e.add(read("evaluations", "/api/freed-time/parameters", () -> "/api/freed-time/parameters"));
        e.add(read("evaluations", "/api/overdue-evaluations", () -> "/api/overdue-evaluations"));
        // every service serves the code lists (the runtime library's resource)
        for (String service : List.of("spread", "competence-registry", "task-catalogue", "pilot-projects", "evaluations")) {
            e.add(read(service, "/api/code-lists", () -> "/api/code-lists"));
            e.add(read(service, "/api/code-lists/{name}", () -> "/api/code-lists/recommendation"));
        }
        e.add(read("evaluations", "/api/pilots/{id}", () -> "/api/pilots/" + pilot));
        e.add(new Entry("evaluations", "POST", "/api/pilots/{id}/commissions", A, L, "403", "403", false, () -> new Request("/api/pilots/" + pilot + "/commissions",
                "{\"evaluatorOrgnr\":\"" + BenchContext.STRANGER + "\"}")));
        return e;
    }

    static final String FREED_TIME = "{\"lines\":[{\"id\":\"nurses\",\"group\":\"SP\",\"role\":\"GROSS_FREED\",\"category\":\"TASK_SHARING\","
            + "\"family\":\"PER_DAY\",\"scenarios\":{\"low\":{\"baseArsverk\":33618,\"share\":0.2,\"minutesPerDay\":5},"
            + "\"middle\":{\"baseArsverk\":33618,\"share\":0.35,\"minutesPerDay\":10},\"high\":{\"baseArsverk\":33618,\"share\":0.5,\"minutesPerDay\":15}}}]}";

    /** A read open to every signed-in caller of the programme. */
    private static Entry read(String service, String path, Supplier<String> url) {
        return new Entry(service, "GET", path, Persona.AHUS, Persona.LORENSKOG, "2xx", "2xx", false, () -> new Request(url.get(), null));
    }
}
