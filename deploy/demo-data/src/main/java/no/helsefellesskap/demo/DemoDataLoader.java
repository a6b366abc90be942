package no.helsefellesskap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.helsefellesskap.model.codes.OrganisationNumber;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the demo dataset through the services' public REST APIs, as their users would: the programme administrator
 * registers missing organisations, each organisation registers its own tasks, models and pilots and answers for its
 * own participation, evaluators write and publish evaluations, adopters declare adoptions, and organisations record
 * the aggregate competence counts the sources give. Idempotent: every record is looked up by its natural key first
 * (organisation code; task name and registrar; model name; pilot title and owner; evaluation of a pilot by an
 * evaluator; adoption of a model by an adopter; count of a unit, group and competence on a day), so loading twice adds
 * nothing.
 */
public final class DemoDataLoader {

    /** Where the services listen. */
    public record Endpoints(String taskCatalogue, String pilotProjects, String evaluations, String competenceRegistry) {
        /** The local suite's fixed ports (deploy/local-suite ServiceSpec), each moved by the same offset. */
        public static Endpoints local(String host, int portOffset) {
            return new Endpoints("http://" + host + ":" + (8082 + portOffset), "http://" + host + ":" + (8083 + portOffset),
                    "http://" + host + ":" + (8084 + portOffset), "http://" + host + ":" + (8081 + portOffset));
        }
    }

    /** Bearer tokens: for an organisation number with roles, or for the programme administrator (null orgnr). */
    public interface TokenSource {
        String token(String orgnr, String... roles);
    }

    /** What a load did, per record kind. */
    public static final class Report {
        public final Map<String, int[]> counts = new LinkedHashMap<>(); // created, existing
        public final List<String> refused = new ArrayList<>();
        public final List<String> skipped = new ArrayList<>();

        void created(String kind) {
            counts.computeIfAbsent(kind, k -> new int[2])[0]++;
        }

        void existing(String kind) {
            counts.computeIfAbsent(kind, k -> new int[2])[1]++;
        }

        public int created() {
            return counts.values().stream().mapToInt(c -> c[0]).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, c) -> sb.append(String.format("  %-17s %3d created, %3d already there%n", k, c[0], c[1])));
            skipped.forEach(x -> sb.append("  not loaded (the source lacks a fact the API needs): ").append(x).append('\n'));
            if (!refused.isEmpty()) {
                sb.append("  refused by the APIs (").append(refused.size()).append("):\n");
                refused.forEach(r -> sb.append("    ").append(r).append('\n'));
            }
            return sb.toString();
        }
    }

    static final String ROLES_ADMIN = "programme-admin";

    private final DemoData data;
    private final Endpoints at;
    private final TokenSource tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration propagation;
    private final Report report = new Report();

    private final Map<String, String> orgnrOf = new LinkedHashMap<>();    // organisation code -> orgnr
    private final Map<String, String> taskIds = new LinkedHashMap<>();    // task key -> id
    private final Map<String, String> modelIds = new LinkedHashMap<>();   // model key -> id
    private final Map<String, String> pilotIds = new LinkedHashMap<>();   // pilot key -> id

    public DemoDataLoader(DemoData data, Endpoints at, TokenSource tokens, Duration propagation) {
        this.data = data;
        this.at = at;
        this.tokens = tokens;
        this.propagation = propagation;
    }

    public Report load() {
        organisations();
        tasks();
        models();
        pilots();
        competenceCounts();
        evaluations();
        adoptions();
        return report;
    }

    // ---- organisations

    private void organisations() {
        Map<String, JsonNode> known = new LinkedHashMap<>();
        get(at.pilotProjects() + "/api/organisations", admin()).forEach(o -> known.put(o.path("code").asText(), o));
        for (DemoData.Entry e : data.organisations().values()) {
            if (known.containsKey(e.key())) {
                report.existing("organisations");
                continue;
            }
            ObjectNode body = DemoData.JSON.createObjectNode();
            body.put("code", e.key());
            body.put("kind", e.text("kind"));
            body.put("name", e.text("name"));
            body.put("orgnr", e.text("orgnr") != null ? e.text("orgnr") : demoIdentity(e.key()));
            body.put("kommunenummer", e.text("kommunenummer"));
            body.put("parent", e.text("parent"));
            body.put("source", e.text("source") + (e.text("orgnr") == null ? "; orgnr: demo identity, not in the sources" : ""));
            send("organisations", e, "POST", at.pilotProjects() + "/api/organisations", body, admin())
                    .ifPresent(o -> {
                        known.put(e.key(), o.path("current"));
                        report.created("organisations");
                    });
        }
        known.forEach((code, o) -> {
            if (o.hasNonNull("orgnr")) {
                orgnrOf.put(code, o.get("orgnr").asText());
            }
        });
        // reference organisations that act in the dataset but have no number in the sources get a demo identity
        for (String code : actingOrganisations()) {
            if (!orgnrOf.containsKey(code) && known.containsKey(code)) {
                JsonNode o = known.get(code);
                ObjectNode body = DemoData.JSON.createObjectNode();
                body.put("name", o.path("name").asText());
                body.put("orgnr", demoIdentity(code));
                body.put("kommunenummer", o.path("kommunenummer").asText(null));
                body.put("parent", o.path("parent").asText(null));
                body.put("validFrom", LocalDate.now().toString());
                send("organisations", null, "PUT", at.pilotProjects() + "/api/organisations/" + code, body, admin())
                        .ifPresent(v -> orgnrOf.put(code, demoIdentity(code)));
            }
        }
    }

    /** Every organisation that registers, owns, partners, evaluates or adopts something in the dataset. */
    private List<String> actingOrganisations() {
        List<String> codes = new ArrayList<>();
        data.all("pilots").forEach(p -> {
            codes.add(p.text("owner"));
            codes.addAll(p.list("partners"));
        });
        data.all("evaluations").forEach(e -> codes.add(e.text("evaluator")));
        data.all("adoptions").forEach(a -> codes.add(a.text("adopter")));
        data.all("competenceCounts").forEach(c -> codes.add(c.text("organisation")));
        return codes.stream().filter(c -> c != null).distinct().toList();
    }

    /**
     * A stable organisation number for an organisation the sources give none: 9 digits starting with 1 (Enhetsregisteret
     * issues numbers starting with 8 or 9, so it cannot be mistaken for a real one), with a valid mod-11 check digit.
     */
    public static String demoIdentity(String code) {
        long h;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            h = ((d[0] & 0xffL) << 24 | (d[1] & 0xffL) << 16 | (d[2] & 0xffL) << 8 | (d[3] & 0xffL)) % 10_000_000L;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (long n = h; ; n = (n + 1) % 10_000_000L) {
            String first8 = "1" + String.format("%07d", n);
            Integer check = OrganisationNumber.checkDigit(first8);
            if (check != null) {
                return first8 + check;
            }
        }
    }

    // ---- tasks and models

    /** Who registers a task or model: the owner of the first pilot that uses it, else the first evaluator. */
    private String registrarOf(String taskOrModelKey, boolean model) {
        for (DemoData.Entry p : data.all("pilots")) {
            if (model ? taskOrModelKey.equals(p.text("modelKey")) : p.list("taskKeys").contains(taskOrModelKey)) {
                return p.text("owner");
            }
            if (!model && p.text("modelKey") != null) {
                DemoData.Entry m = data.byKey("models").get(p.text("modelKey"));
                if (m != null && m.list("taskKeys").contains(taskOrModelKey)) {
                    return p.text("owner");
                }
            }
        }
        if (!model) {
            for (DemoData.Entry m : data.all("models")) {
                if (m.list("taskKeys").contains(taskOrModelKey)) {
                    return registrarOf(m.key(), true);
                }
            }
        }
        // a model no named organisation runs: registered by the body that describes it
        for (DemoData.Entry e : data.all("evaluations")) {
            if (e.file().equals(fileOf(taskOrModelKey, model))) {
                return e.text("evaluator");
            }
        }
        return null;
    }

    private String fileOf(String key, boolean model) {
        DemoData.Entry e = data.byKey(model ? "models" : "tasks").get(key);
        return e == null ? null : e.file();
    }

    private void tasks() {
        Map<String, JsonNode> existing = new LinkedHashMap<>();
        get(at.taskCatalogue() + "/api/tasks", admin()).forEach(t ->
                existing.put(t.path("nameNb").asText() + "|" + t.path("ownerOrgnr").asText(), t));
        for (DemoData.Entry t : data.all("tasks")) {
            String org = orgnrOf.get(registrarOf(t.key(), false));
            if (org == null) {
                report.refused.add("task " + t.key() + ": no organisation registers it");
                continue;
            }
            JsonNode found = existing.get(t.text("nameNb") + "|" + org);
            if (found != null) {
                taskIds.put(t.key(), found.path("id").asText());
                report.existing("tasks");
                continue;
            }
            ObjectNode body = copy(t.node(), "nameNb", "nameEn", "description", "category", "settings", "serviceLevel",
                    "currentPerformerGroups");
            body.putArray("sourceRefs").add(t.text("source"));
            Optional<JsonNode> made = send("tasks", t, "POST", at.taskCatalogue() + "/api/tasks", body, as(org));
            if (made.isEmpty()) {
                continue;
            }
            String id = made.get().path("id").asText();
            taskIds.put(t.key(), id);
            report.created("tasks");
            JsonNode a = t.node().get("assessment");
            if (a != null && !a.isNull()) {
                ObjectNode assessment = copy(a, "volume", "responsibilities", "requiresFormalHealthCompetence",
                        "candidateGroups", "sharingDirections", "riskLevel");
                if (a.has("requiredCompetences")) {
                    assessment.set("requiredCompetences", a.get("requiredCompetences"));
                }
                send("task assessments", t, "PUT", at.taskCatalogue() + "/api/tasks/" + id + "/assessment", assessment,
                        as(org));
            }
        }
    }

    private void models() {
        Map<String, JsonNode> existing = new LinkedHashMap<>();
        get(at.taskCatalogue() + "/api/models", admin()).forEach(m -> existing.put(m.path("name").asText(), m));
        for (DemoData.Entry m : data.all("models")) {
            JsonNode found = existing.get(m.text("name"));
            if (found != null) {
                modelIds.put(m.key(), found.path("modelId").asText());
                report.existing("models");
                continue;
            }
            String org = orgnrOf.get(registrarOf(m.key(), true));
            List<String> tasks = m.list("taskKeys").stream().map(taskIds::get).filter(x -> x != null).toList();
            ObjectNode body = copy(m.node(), "name", "description", "modelType", "fromGroups", "toGroups",
                    "coreComponents", "adaptableComponents", "evidenceLevel", "signOffScheme");
            ArrayNode ids = body.putArray("taskIds");
            tasks.forEach(ids::add);
            ArrayNode refs = body.putArray("sourceRefs").add(m.text("source"));
            // the API takes a requirement without its source (and refuses unknown fields): the source lines travel
            // in the model's sourceRefs instead, one per requirement
            if (m.node().path("requiredCompetences").size() > 0) {
                ArrayNode reqs = body.putArray("requiredCompetences");
                for (JsonNode r : m.node().get("requiredCompetences")) {
                    reqs.add(copy(r, "competence", "personnelGroup", "minimumHeadcount", "acceptsActualCompetence"));
                    if (r.hasNonNull("source")) {
                        refs.add("requiredCompetences " + r.path("competence").asText() + "/"
                                + r.path("personnelGroup").asText() + " >= " + r.path("minimumHeadcount").asText() + ": "
                                + r.get("source").asText());
                    }
                }
            }
            if (org == null) {
                report.refused.add("model " + m.key() + ": no organisation publishes it");
                continue;
            }
            send("models", m, "POST", at.taskCatalogue() + "/api/models", body, as(org)).ifPresent(v -> {
                modelIds.put(m.key(), v.path("modelId").asText());
                report.created("models");
            });
        }
    }

    // ---- pilots

    private void pilots() {
        for (DemoData.Entry p : data.all("pilots")) {
            if (p.text("notLoaded") != null) {
                report.skipped.add("pilot " + p.key());
                continue;
            }
            String owner = orgnrOf.get(p.text("owner"));
            if (owner == null) {
                report.refused.add("pilot " + p.key() + ": owner " + p.text("owner") + " unknown");
                continue;
            }
            JsonNode found = null;
            for (JsonNode x : get(at.pilotProjects() + "/api/pilots?owner=" + owner, as(owner))) {
                if (x.path("title").asText().equals(p.text("title"))) {
                    found = x;
                }
            }
            if (found == null) {
                ObjectNode body = copy(p.node(), "title", "fromGroups", "toGroups", "priorityGroups", "settings");
                body.put("ownerOrgnr", owner);
                String model = p.text("modelKey") == null ? null : modelIds.get(p.text("modelKey"));
                if (model != null) {
                    body.put("modelId", model);
                    body.put("modelVersion", 1);
                }
                ArrayNode tasks = body.putArray("taskIds");
                p.list("taskKeys").stream().map(taskIds::get).filter(x -> x != null).forEach(tasks::add);
                if (p.text("source") != null) {
                    body.putArray("sources").add(p.text("source"));
                }
                ArrayNode partners = body.putArray("partnerOrgnrs");
                p.list("partners").stream().map(orgnrOf::get).filter(x -> x != null).forEach(partners::add);
                if (p.text("derivedFromKey") != null && pilotIds.containsKey(p.text("derivedFromKey"))) {
                    body.put("derivedFromPilot", pilotIds.get(p.text("derivedFromKey")));
                }
                // the pilot-projects service learns models and tasks from their topics: retry while it has not yet
                String url = at.pilotProjects() + "/api/pilots";
                Optional<JsonNode> made = model != null || !tasks.isEmpty()
                        ? sendOnceKnown("pilots", p, "POST", url, body, as(owner))
                        : send("pilots", p, "POST", url, body, as(owner));
                if (made.isEmpty()) {
                    continue;
                }
                found = made.get();
                report.created("pilots");
            } else {
                report.existing("pilots");
            }
            String id = found.path("id").asText();
            pilotIds.put(p.key(), id);
            lifecycle(p, id, found.path("status").asText(), owner);
            for (JsonNode partner : found.path("partners")) {
                if ("INVITED".equals(partner.path("answer").asText("INVITED"))) {
                    String orgnr = partner.path("orgnr").asText();
                    ObjectNode answer = DemoData.JSON.createObjectNode();
                    answer.put("comment", "Named as taking part in " + p.text("source"));
                    send("partner answers", p, "POST", at.pilotProjects() + "/api/pilots/" + id + "/partners/" + orgnr
                            + "/confirm", answer, as(orgnr));
                }
            }
        }
    }

    /** Moves a pilot from where it is to the status the source gives, with the dates the source gives. */
    private void lifecycle(DemoData.Entry p, String id, String current, String owner) {
        String target = p.text("status");
        String base = at.pilotProjects() + "/api/pilots/" + id;
        if ("PLANNED".equals(current) && ("RUNNING".equals(target) || "COMPLETED".equals(target))) {
            send("pilot starts", p, "POST", base + "/start", dateBody(p.node().get("started")), as(owner));
            current = "RUNNING";
        }
        if ("ABANDONED".equals(target) && ("PLANNED".equals(current) || "RUNNING".equals(current))) {
            if ("PLANNED".equals(current) && p.node().hasNonNull("started")) {
                send("pilot starts", p, "POST", base + "/start", dateBody(p.node().get("started")), as(owner));
            }
            JsonNode a = p.node().path("abandoned");
            ObjectNode body = dateBody(a);
            body.put("reason", a.path("reason").asText("OTHER"));
            body.put("text", a.path("text").asText(null));
            send("pilot abandonments", p, "POST", base + "/abandon", body, as(owner));
        }
        if ("COMPLETED".equals(target) && "RUNNING".equals(current)) {
            send("pilot completions", p, "POST", base + "/complete", dateBody(p.node().get("completed")), as(owner));
        }
    }

    private static ObjectNode dateBody(JsonNode when) {
        ObjectNode b = DemoData.JSON.createObjectNode();
        if (when != null && when.hasNonNull("date")) {
            b.put("date", when.get("date").asText());
            if (when.hasNonNull("precision")) {
                b.put("datePrecision", when.get("precision").asText());
            }
        } else {
            b.put("dateUnknown", true);
        }
        if (when != null && when.hasNonNull("source")) {
            b.put("dateSource", when.get("source").asText());
        }
        return b;
    }

    // ---- competence counts

    /**
     * The aggregate counts the sources give (how many of a personnel group in a unit hold a competence), recorded by
     * the organisation itself as its registrar, so competence-gap reports have real numbers to set against a model.
     */
    private void competenceCounts() {
        Map<String, List<JsonNode>> recorded = new LinkedHashMap<>(); // orgnr -> its counts in the registry
        for (DemoData.Entry c : data.all("competenceCounts")) {
            if (c.text("notLoaded") != null) {
                report.skipped.add("competence count " + c.key());
                continue;
            }
            String org = orgnrOf.get(c.text("organisation"));
            if (org == null) {
                report.refused.add("competence count " + c.key() + ": organisation " + c.text("organisation") + " unknown");
                continue;
            }
            ObjectNode body = copy(c.node(), "organisationUnit", "personnelGroup", "competence", "headcount", "countedOn",
                    "countedOnPrecision");
            String url = at.competenceRegistry() + "/api/competence-profiles";
            JsonNode found = null;
            for (JsonNode x : recorded.computeIfAbsent(org, o -> {
                List<JsonNode> l = new ArrayList<>();
                get(url + "?orgnr=" + o, as(o)).forEach(l::add);
                return l;
            })) {
                if (sameCount(x, body)) {
                    found = x;
                }
            }
            if (found != null) {
                // the registry keeps one count per unit, group, competence and day: a changed number is a new day's count
                if (found.path("headcount").asInt() != body.path("headcount").asInt()) {
                    report.refused.add("competence count " + c.key() + " (" + c.file() + "): the registry has "
                            + found.path("headcount").asInt() + " for " + body.path("countedOn").asText() + ", the data "
                            + body.path("headcount").asInt());
                } else {
                    report.existing("competence counts");
                }
                continue;
            }
            HttpResponse<String> r = exchange("POST", url, body, as(org));
            if (r.statusCode() == 201) {
                report.created("competence counts");
            } else if (r.statusCode() == 409) {
                report.existing("competence counts"); // the same count, recorded since the list was read
            } else {
                report.refused.add("competence count " + c.key() + " (" + c.file() + "): HTTP " + r.statusCode() + " "
                        + detail(r.body()));
            }
        }
    }

    /** The registry's natural key of a count: unit (as the API strips it), group, competence and day. */
    private static boolean sameCount(JsonNode recorded, JsonNode body) {
        return recorded.path("organisationUnit").asText().equals(body.path("organisationUnit").asText().strip())
                && recorded.path("personnelGroup").asText().equals(body.path("personnelGroup").asText())
                && recorded.path("competence").asText().equals(body.path("competence").asText())
                && recorded.path("countedOn").asText().equals(body.path("countedOn").asText());
    }

    // ---- evaluations and adoptions

    private void evaluations() {
        for (DemoData.Entry e : data.all("evaluations")) {
            if (e.text("notLoaded") != null) {
                report.skipped.add("evaluation " + e.key());
                continue;
            }
            String pilot = pilotIds.get(e.text("pilotKey"));
            String evaluator = orgnrOf.get(e.text("evaluator"));
            DemoData.Entry p = data.byKey("pilots").get(e.text("pilotKey"));
            if (pilot == null || evaluator == null || p == null) {
                report.refused.add("evaluation of " + e.text("pilotKey") + ": pilot or evaluator not loaded");
                continue;
            }
            String owner = orgnrOf.get(p.text("owner"));
            // the evaluations service learns pilots from the pilots topic
            if (awaitGet(at.evaluations() + "/api/pilots/" + pilot, as(evaluator)).isEmpty()) {
                report.refused.add("evaluation of " + e.text("pilotKey") + ": evaluations does not know the pilot yet");
                continue;
            }
            JsonNode found = null;
            for (JsonNode x : get(at.evaluations() + "/api/evaluations?pilotId=" + pilot, as(evaluator))) {
                if (x.path("evaluatorOrgnr").asText().equals(evaluator)) {
                    found = x;
                }
            }
            if (found == null) {
                if (!evaluator.equals(owner) && !p.list("partners").contains(e.text("evaluator"))) {
                    ObjectNode c = DemoData.JSON.createObjectNode();
                    c.put("evaluatorOrgnr", evaluator);
                    send("commissions", e, "POST", at.evaluations() + "/api/pilots/" + pilot + "/commissions", c,
                            as(owner));
                }
                ObjectNode body = copy(e.node(), "evaluatorKind", "design", "periodFrom", "periodTo", "outcomes",
                        "evidenceLevel", "barriers", "enablers", "recommendation", "freedTime", "reportPublished",
                        "reportPublishedUnknown");
                body.put("pilotId", pilot);
                if (publishable(e) && e.text("recommendation") == null) {
                    body.put("recommendation", "NONE"); // a published report that recommends nothing
                }
                Optional<JsonNode> made = send("evaluations", e, "POST", at.evaluations() + "/api/evaluations", body,
                        as(evaluator));
                if (made.isEmpty()) {
                    continue;
                }
                found = made.get();
                report.created("evaluations");
            } else {
                report.existing("evaluations");
            }
            if (publishable(e) && "DRAFT".equals(found.path("status").asText())) {
                send("publications", e, "POST", at.evaluations() + "/api/evaluations/" + found.path("id").asText()
                        + "/publish", null, as(evaluator));
            }
        }
    }

    /** The sources are published reports: an evaluation with outcomes is published; one without stays a draft. */
    private static boolean publishable(DemoData.Entry e) {
        return e.node().path("outcomes").size() > 0;
    }

    private void adoptions() {
        for (DemoData.Entry a : data.all("adoptions")) {
            String model = modelIds.get(a.text("modelKey"));
            String adopter = orgnrOf.get(a.text("adopter"));
            if (model == null || adopter == null) {
                report.refused.add("adoption of " + a.text("modelKey") + " by " + a.text("adopter") + ": model or adopter not loaded");
                continue;
            }
            boolean exists = false;
            for (JsonNode x : awaitGet(at.pilotProjects() + "/api/models/" + model + "/lineage", as(adopter))
                    .orElse(DemoData.JSON.createObjectNode()).path("adoptions")) {
                exists |= x.path("adopterOrgnr").asText().equals(adopter);
            }
            if (exists) {
                report.existing("adoptions");
                continue;
            }
            ObjectNode body = DemoData.JSON.createObjectNode();
            body.put("modelId", model);
            body.put("modelVersion", 1);
            if (a.text("learnedFromPilotKey") != null && pilotIds.containsKey(a.text("learnedFromPilotKey"))) {
                body.put("learnedFromPilot", pilotIds.get(a.text("learnedFromPilotKey")));
            }
            Optional<JsonNode> made = send("adoptions", a, "POST", at.pilotProjects() + "/api/adoptions", body, as(adopter));
            made.ifPresent(v -> report.created("adoptions"));
            made.filter(v -> "COMPLETED".equals(a.text("status"))).ifPresent(v -> send("adoption completions", a,
                    "POST", at.pilotProjects() + "/api/adoptions/" + v.path("id").asText() + "/complete", null, as(adopter)));
        }
    }

    // ---- HTTP

    private String admin() {
        return tokens.token(null, ROLES_ADMIN);
    }

    private String as(String orgnr) {
        return tokens.token(orgnr, "registrar", "evaluator", "subscriber");
    }

    private static ObjectNode copy(JsonNode from, String... fields) {
        ObjectNode n = DemoData.JSON.createObjectNode();
        for (String f : fields) {
            if (from.has(f) && !from.get(f).isNull()) {
                n.set(f, from.get(f));
            }
        }
        return n;
    }

    private JsonNode get(String url, String token) {
        return optional(url, token).orElseThrow(() -> new IllegalStateException("GET " + url + " failed"));
    }

    private Optional<JsonNode> optional(String url, String token) {
        HttpResponse<String> r = exchange("GET", url, null, token);
        return r.statusCode() == 200 ? Optional.of(read(r.body())) : Optional.empty();
    }

    /** A write's reply: its body when accepted, else why it was refused. */
    private record Reply(JsonNode body, String refusal) {
    }

    private Reply attempt(String what, DemoData.Entry record, String method, String url, JsonNode body, String token) {
        HttpResponse<String> r = exchange(method, url, body, token);
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return new Reply(r.body().isBlank() ? DemoData.JSON.createObjectNode() : read(r.body()), null);
        }
        return new Reply(null, what + " " + (record == null ? url : record.key() + " (" + record.file() + ")")
                + ": HTTP " + r.statusCode() + " " + detail(r.body()));
    }

    /** Sends a write; a refusal (4xx) is reported with the record's source and the problem's detail. */
    private Optional<JsonNode> send(String what, DemoData.Entry record, String method, String url, JsonNode body,
                                    String token) {
        return reported(attempt(what, record, method, url, body, token));
    }

    /**
     * Sends a write that refers to something the receiving service learns from an event still on its way (a model
     * version, a task), retrying for up to the propagation time before reporting a refusal.
     */
    private Optional<JsonNode> sendOnceKnown(String what, DemoData.Entry record, String method, String url,
                                             JsonNode body, String token) {
        Instant deadline = Instant.now().plus(propagation);
        Reply r = attempt(what, record, method, url, body, token);
        while (r.refusal() != null && Instant.now().isBefore(deadline) && pause()) {
            r = attempt(what, record, method, url, body, token);
        }
        return reported(r);
    }

    /** A read of something another service learns from an event: waits up to the propagation time for it. */
    private Optional<JsonNode> awaitGet(String url, String token) {
        Instant deadline = Instant.now().plus(propagation);
        Optional<JsonNode> r = optional(url, token);
        while (r.isEmpty() && Instant.now().isBefore(deadline) && pause()) {
            r = optional(url, token);
        }
        return r;
    }

    private Optional<JsonNode> reported(Reply r) {
        if (r.refusal() != null) {
            report.refused.add(r.refusal());
        }
        return Optional.ofNullable(r.body());
    }

    /** @return false when interrupted */
    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> exchange(String method, String url, JsonNode body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String s) {
        try {
            return DemoData.JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }

    private static String detail(String body) {
        try {
            JsonNode p = DemoData.JSON.readTree(body);
            return p.path("detail").asText(p.toString());
        } catch (IOException e) {
            return body;
        }
    }

}
