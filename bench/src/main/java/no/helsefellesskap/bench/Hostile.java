package no.helsefellesskap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.helsefellesskap.bench.Catalogue.Entry;
import no.helsefellesskap.bench.Catalogue.Persona;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Generated malformed and hostile requests against every write endpoint. Two passes:
 * <ol>
 * <li>Injection strings (SQL, script, template, path, JNDI, control characters) in free-text fields of otherwise valid
 * requests. Such text is legitimate data: it may be stored, and then it must come back verbatim.</li>
 * <li>Requests that must be refused: wrong or forged tokens, other organisations' resources, malformed ids, broken or
 * oversized or deeply nested JSON, wrong types, missing required and unknown fields, bad organisation numbers,
 * unknown codes, over-long text, national-id-like values. The suite's whole state (every table of every service
 * and the end offset of every topic) is fingerprinted before and after: it must be unchanged.</li>
 * </ol>
 */
final class Hostile {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "1'; DROP TABLE pilot; --", "\"; DELETE FROM outbox_event; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1389/a}", "../../../../etc/passwd", "{{7*7}}${7*7}",
            "%s%s%s%n", "\u0000\u0001\u001f", "\u202e\u200b", "Robert'); DROP TABLE subscription;--", "__proto__",
            "😀🏥", "\\\\\\\\", "$where: 1");
    static final List<String> BAD_ORGNR = List.of("123456789", "000000000", "98397163", "9839716360", "abcdefghi",
            " 983971636", "983971637", "-98397163");

    record Outcome(int status, boolean problem) {
    }

    static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong problem4xx = new AtomicLong();
        final AtomicLong other4xx = new AtomicLong();
        final AtomicLong server5xx = new AtomicLong();
        final AtomicLong noAnswer = new AtomicLong();
    }

    /** A JSON text just past the suite's 10 MiB body limit (one instance, shared by every endpoint's probe). */
    static final String OVER_BODY_LIMIT = "{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    record Probe(Entry entry, String path, String token, String body, String contentType, String kind) {
    }

    /**
     * The check a request's own answer cannot make: after each accepted request, an event from another organisation
     * (Lørenskog registers a pilot) must still reach that organisation's canary subscription and spread's read
     * models. A stored value that breaks the fan-out for everyone (a subscription saved with null filters did) fails
     * the next canary.
     */
    static final class Canary {
        final BenchContext ctx;
        final String subscription;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final List<String> missed = java.util.Collections.synchronizedList(new ArrayList<>());

        Canary(BenchContext ctx) {
            this.ctx = ctx;
            Http.Reply r = ctx.http.send("POST", ctx.url("spread", "/api/subscriptions"), ctx.lorenskog(),
                    "{\"name\":\"bench canary " + ctx.runId + "\",\"filters\":{\"organisations\":[\""
                            + BenchContext.LORENSKOG + "\"]}}");
            if (r.status() != 201) {
                throw new IllegalStateException("canary subscription refused: " + r.status() + " " + r.body());
            }
            subscription = ctx.tree(r.body()).path("id").asText();
        }

        /** @param after what was accepted just before, named when the canary does not arrive */
        void check(String after) {
            long n = sent.incrementAndGet();
            Http.Reply r = ctx.http.send("POST", ctx.url("pilot-projects", "/api/pilots"), ctx.lorenskog(),
                    "{\"title\":\"Bench canary " + ctx.runId + " " + n + "\",\"ownerOrgnr\":\"" + BenchContext.LORENSKOG
                            + "\",\"taskIds\":[\"" + ctx.task() + "\"]}");
            if (!r.ok()) {
                missed.add("canary " + n + " after " + after + ": registration answered " + r.status() + " " + r.body());
                return;
            }
            String pilot = ctx.tree(r.body()).path("id").asText();
            boolean arrived = BenchContext.await(java.time.Duration.ofSeconds(30), () ->
                    ctx.http.send("GET", ctx.url("spread", "/api/pilots/" + pilot), ctx.lorenskog(), null).status() == 200
                            && String.valueOf(ctx.http.send("GET", ctx.url("spread", "/api/subscriptions/" + subscription
                            + "/feed.json"), ctx.lorenskog(), null).body()).contains(pilot));
            if (arrived) {
                delivered.incrementAndGet();
            } else {
                missed.add("canary " + n + " after " + after + " did not reach the read model and the canary feed");
            }
        }

        void close() {
            ctx.unsubscribe(subscription);
        }
    }

    static Section run(BenchContext ctx) throws Exception {
        Section s = new Section("hostile", "Hostile input against every write endpoint");
        long t0 = System.nanoTime();
        Catalogue cat = new Catalogue(ctx);
        List<Entry> writes = cat.entries().stream().filter(e -> !e.method().equals("GET")).toList();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (Api.Operation op : Api.operations(ctx)) {
            if (op.requestSchema() != null) {
                schemas.put(op.service() + " " + op.name(), op.requestSchema());
            }
        }
        Map<Entry, Catalogue.Request> base = new LinkedHashMap<>();
        for (Entry e : writes) {
            base.put(e, e.prepare().get());
        }
        Canary canary = new Canary(ctx);
        canary.check("the fixtures");
        ctx.settle();
        Bench.progress("hostile", "fixtures ready", t0);
        int target = ctx.smoke ? 150 : 10_000;

        // pass 1: injection strings as free text, which may be stored, but then verbatim
        List<Probe> textProbes = new ArrayList<>();
        int field = 0;
        for (Entry e : writes) {
            JsonNode schema = schemas.get(e.service() + " " + e.name());
            Catalogue.Request b = base.get(e);
            if (schema == null || b.body() == null || e.own() == Persona.ADMIN) {
                continue;
            }
            for (String prop : freeText(schema)) {
                // the smoke puts three of the strings into each field, in turn, so that each string is sent somewhere
                int first = 3 * field++;
                List<String> strings = !ctx.smoke ? INJECTIONS : IntStream.range(first, first + 3)
                        .mapToObj(j -> INJECTIONS.get(j % INJECTIONS.size())).toList();
                for (String inj : strings) {
                    ObjectNode body = (ObjectNode) ctx.tree(b.body());
                    body.put(prop, inj + " " + prop);
                    textProbes.add(new Probe(e, b.path(), cat.token(e.own()), body.toString(), "application/json", "free text " + prop));
                }
            }
        }
        // pass 1 runs on creations only, so that stored text is a new record (an update would change the base resource)
        textProbes.removeIf(p -> !p.entry().method().equals("POST") || p.entry().path().contains("{"));
        Tally text = new Tally();
        AtomicLong verbatim = new AtomicLong();
        AtomicLong altered = new AtomicLong();
        runAll(textProbes, p -> {
            Http.Reply r = send(ctx, p, text, null);
            if (r.ok()) {
                canary.check(p.entry().name() + " / " + p.kind());
            }
            if (r.ok() && r.body() != null && !r.body().isBlank()) {
                JsonNode sent = ctx.tree(p.body());
                JsonNode got = ctx.tree(r.body());
                String prop = p.kind().substring("free text ".length());
                if (got.has(prop) && !sent.path(prop).asText().equals(got.path(prop).asText())) {
                    altered.incrementAndGet();
                    s.require(false, p.entry().name() + ": " + prop + " came back altered");
                } else {
                    verbatim.incrementAndGet();
                }
            }
        });
        ctx.settle();

        Bench.progress("hostile", "pass 1 done", t0);
        // pass 2: hostile requests; each must get a clear 4xx, or be valid after all (then it may change things)
        List<Probe> probes = mustReject(ctx, cat, writes, base, schemas, target);
        if (ctx.smoke) {
            probes = oneOfEachKind(probes, writes, target);
        }
        Bench.progress("hostile", "pass 2 requests made", t0);
        Tally all = new Tally();
        Map<String, Tally> byEndpoint = new ConcurrentSkipListMap<>(); // written by four clients
        Map<String, String> examples = new ConcurrentHashMap<>();
        Map<String, Long> acceptedKinds = new ConcurrentHashMap<>();
        List<Probe> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        runAll(probes, p -> {
            Tally t = byEndpoint.computeIfAbsent(p.entry().service() + " `" + p.entry().name() + "`", k -> new Tally());
            Http.Reply r = send(ctx, p, all, t);
            if (r.ok()) {
                canary.check(p.entry().name() + " / " + p.kind());
                acceptedKinds.merge(p.kind().replaceAll(" .*", ""), 1L, Long::sum);
                examples.putIfAbsent("accepted " + p.entry().name() + " / " + p.kind(), Authorisation.abbreviate(p.body()));
            } else if (r.status() >= 400 && r.status() < 500 && r.status() != 409) {
                refused.add(p); // 409 depends on the moment (a concurrent change), so it is not repeated
            }
            if (r.status() >= 500 || r.status() == 0) {
                examples.putIfAbsent(r.status() + " " + p.entry().name() + " / " + p.kind(),
                        Authorisation.abbreviate(p.body()) + " -> " + Authorisation.abbreviate(r.body()));
            }
        });
        ctx.settle();

        Bench.progress("hostile", "pass 2 done", t0);
        // pass 3: the refused requests again, between two fingerprints of the whole state: nothing may change
        Map<String, String> before = quietFingerprint(ctx);
        Tally again = new Tally();
        runAll(new ArrayList<>(refused), p -> send(ctx, p, again, null));
        ctx.settle();
        Map<String, String> after = quietFingerprint(ctx);
        Bench.progress("hostile", "pass 3 done", t0);
        List<String> changed = new ArrayList<>();
        for (String k : before.keySet()) {
            if (!before.get(k).equals(after.get(k))) {
                changed.add(k);
            }
        }
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(changed::add);
        ctx.unsubscribe(cat.subscription);
        canary.close();

        s.line("Pass 1, free text: " + textProbes.size() + " requests putting " + INJECTIONS.size() + " injection strings "
                + "(SQL, script, template, JNDI, path traversal, control and bidi characters) into "
                + (ctx.smoke ? "the free-text fields of the creation endpoints, three to a field in turn" : "each free-text field "
                + "of the creation endpoints") + ". Such text is data: stored " + text.accepted.get() + ", refused "
                + (text.problem4xx.get() + text.other4xx.get()) + " (e.g. over length), 5xx " + text.server5xx.get()
                + "; of the stored ones " + verbatim.get() + " came back verbatim and " + altered.get() + " altered.");
        s.line("");
        s.line("Pass 2, hostile: " + probes.size() + " requests against the " + writes.size() + " write endpoints: "
                + "no, malformed, expired, forged, alg=none and role-less tokens; another organisation's and the "
                + "administrator's token where they may not write; malformed, unknown and injected path ids; empty, "
                + "non-JSON, truncated, scalar and array bodies; 100,000-deep arrays and 5,000-deep objects; a 6 MB "
                + "field and a 200,000-element list; wrong content types; every property with wrong types, null, "
                + "removed (when required), unknown extra fields; injection strings in every text, code, id and date "
                + "field; invalid organisation numbers; text one character over its limit; national-id-like values; "
                + "then random combinations of these up to " + target + " (seeded, reproducible)"
                + (ctx.smoke ? "; the smoke sends one of each kind per endpoint" : "") + ". Four clients.");
        List<List<String>> rows = new ArrayList<>();
        byEndpoint.forEach((k, t) -> rows.add(List.of(k, String.valueOf(t.requests.get()), String.valueOf(t.accepted.get()),
                String.valueOf(t.problem4xx.get()), String.valueOf(t.other4xx.get()), String.valueOf(t.server5xx.get()),
                String.valueOf(t.noAnswer.get()))));
        rows.add(List.of("**all**", String.valueOf(all.requests.get()), String.valueOf(all.accepted.get()),
                String.valueOf(all.problem4xx.get()), String.valueOf(all.other4xx.get()), String.valueOf(all.server5xx.get()),
                String.valueOf(all.noAnswer.get())));
        s.table(List.of("endpoint", "requests", "2xx", "4xx problem+json", "4xx other", "5xx", "no answer"), rows);
        long total = textProbes.size() + all.requests.get() + again.requests.get();
        s.line("Requests in all three passes: **" + total + "**. Responses 5xx: **"
                + (all.server5xx.get() + text.server5xx.get() + again.server5xx.get()) + "**. Errors that were not "
                + "application/problem+json: **" + (all.other4xx.get() + text.other4xx.get() + again.other4xx.get())
                + "**. No answer: **" + (all.noAnswer.get() + text.noAnswer.get() + again.noAnswer.get()) + "**.");
        s.line("");
        s.line("Accepted in pass 2: " + all.accepted.get() + ", by kind of mutation: " + new TreeMap<>(acceptedKinds)
                + ". These were valid after all: an injection string or a code-like word in a free-text field (stored "
                + "as text, as pass 1 shows), a body of only a byte-order mark and `{}` for an update whose fields are "
                + "all optional, a token without roles on the freed-time calculator (which needs none), and the like; "
                + "examples below.");
        s.line("");
        s.line("Pass 3, proof that refused requests change nothing: the " + refused.size() + " requests refused in pass 2 "
                + "(409 conflicts aside, which depend on the moment) were sent again (refused again: " + (again.problem4xx.get() + again.other4xx.get()) + "; 2xx: "
                + again.accepted.get() + "; 5xx: " + again.server5xx.get() + "), between two fingerprints of the whole "
                + "state: row count and an md5 over every row of each of the " + (before.size() - BenchContext.TOPICS.size())
                + " tables in the five services' schemas, and the end offset of each of the " + BenchContext.TOPICS.size()
                + " topics, the second taken once every consumer had caught up. Result: **"
                + (changed.isEmpty() ? "identical" : "changed: " + changed) + "**.");
        s.line("");
        s.line("Canary: after each accepted request (and once before the first), Lørenskog registered a pilot and the "
                + "harness waited for it in spread's read model and in Lørenskog's canary subscription (filter: its own "
                + "organisation): **" + canary.delivered.get() + " of " + canary.sent.get() + " canaries delivered**"
                + (canary.missed.isEmpty() ? "." : "; missed: " + canary.missed.subList(0, Math.min(5, canary.missed.size()))));
        s.line("");
        s.line("Examples (first per endpoint and kind):");
        new TreeMap<>(examples).entrySet().stream().limit(40)
                .forEach(e -> s.line("- " + e.getKey() + ": `" + e.getValue().replace("`", "'").replace("\n", " ") + "`"));
        s.require(all.server5xx.get() + text.server5xx.get() + again.server5xx.get() == 0, "5xx answers");
        s.require(all.other4xx.get() + text.other4xx.get() + again.other4xx.get() == 0, "errors without problem+json");
        s.require(all.noAnswer.get() + text.noAnswer.get() + again.noAnswer.get() == 0, "requests without an answer");
        s.require(again.accepted.get() == 0, again.accepted.get() + " refused requests were accepted when repeated");
        s.require(changed.isEmpty(), "state changed: " + changed);
        s.require(canary.missed.isEmpty() && canary.delivered.get() == canary.sent.get(),
                "canaries missed: " + canary.missed);
        s.require(total >= target, "fewer than " + target + " requests");
        return s;
    }

    private static void runAll(List<Probe> probes, java.util.function.Consumer<Probe> each) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (Probe p : probes) {
            pool.submit(() -> each.accept(p));
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
    }

    private static Http.Reply send(BenchContext ctx, Probe p, Tally all, Tally one) {
        Http.Reply r = ctx.http.send(p.entry().method(), ctx.url(p.entry().service(), p.path()), p.token(), p.body(),
                p.contentType());
        for (Tally t : one == null ? List.of(all) : List.of(all, one)) {
            t.requests.incrementAndGet();
            if (r.status() == 0) {
                t.noAnswer.incrementAndGet();
            } else if (r.status() >= 500) {
                t.server5xx.incrementAndGet();
            } else if (r.status() >= 400) {
                (r.problemJson() ? t.problem4xx : t.other4xx).incrementAndGet();
            } else {
                t.accepted.incrementAndGet();
            }
        }
        return r;
    }

    static List<String> freeText(JsonNode schema) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode t = p.getValue();
            if ("string".equals(t.path("type").asText()) && t.has("maxLength") && !t.has("format") && !t.has("enum")
                    && !t.has("pattern") && !p.getKey().toLowerCase().contains("orgnr") && !p.getKey().equals("code")) {
                out.add(p.getKey());
            }
        }
        return out;
    }

    static List<Probe> mustReject(BenchContext ctx, Catalogue cat, List<Entry> writes, Map<Entry, Catalogue.Request> base,
                                  Map<String, JsonNode> schemas, int target) {
        List<Probe> out = new ArrayList<>();
        String noneAlg = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"https://auth.oppgavedeling.local\",\"sub\":\"x\",\"orgnr\":\""
                + BenchContext.AHUS + "\",\"groups\":[\"registrar\",\"evaluator\",\"subscriber\",\"programme-admin\"],\"exp\":4102444800}")
                .getBytes(StandardCharsets.UTF_8)) + ".";
        for (Entry e : writes) {
            Catalogue.Request b = base.get(e);
            String own = cat.token(e.own());
            String ownOrg = Catalogue.orgnr(e.own());
            // tokens
            List<String> bad = new ArrayList<>(List.of("", "Bearer", "Bearer x.y.z", "Basic YWRtaW46YWRtaW4=", "Bearer " + noneAlg,
                    ctx.expired(ownOrg, "registrar", "evaluator", "subscriber", "programme-admin"),
                    ctx.forged(ownOrg, "registrar", "evaluator", "subscriber", "programme-admin"),
                    ctx.bearer(ownOrg), own + "x", "Bearer " + "A".repeat(20_000)));
            if (!e.expectOther().equals("2xx")) {
                bad.add(cat.token(e.other()));
                bad.add(ctx.bearer(BenchContext.STRANGER, "registrar", "evaluator", "subscriber"));
            }
            if (!e.expectAdmin().equals("2xx")) {
                bad.add(cat.token(Persona.ADMIN));
            }
            for (String t : bad) {
                out.add(new Probe(e, b.path(), t.isEmpty() ? null : t, b.body(), "application/json", "token"));
            }
            // path ids
            for (String param : List.of("{id}", "{code}", "{orgnr}", "{version}")) {
                if (!e.path().contains(param)) {
                    continue;
                }
                List<String> values = new ArrayList<>(List.of("not-a-uuid", "'%20OR%20'1'%3D'1", "..%2F..%2Fetc%2Fpasswd", "%00",
                        "9".repeat(3000), "00000000-0000-0000-0000-000000000000", java.util.UUID.randomUUID().toString(),
                        "%3Cscript%3E", "-1", "1e9999"));
                if (param.equals("{orgnr}")) {
                    values.addAll(BAD_ORGNR.stream().map(v -> v.replace(" ", "%20")).toList());
                }
                for (String v : values) {
                    out.add(new Probe(e, replaceParam(e.path(), b.path(), param, v), own, b.body(), "application/json", "path " + param));
                }
            }
            JsonNode schema = schemas.get(e.service() + " " + e.name());
            if (schema == null) {
                continue;
            }
            // syntax and size
            String huge = "x".repeat(6 * 1024 * 1024);
            for (String body : List.of("", "null", "[]", "\"text\"", "42", "true", "{", "{\"a\":}", "{\"a\":1,}", "{'a':1}",
                    "[".repeat(100_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "{\"title\":\"" + huge + "\"}",
                    "\uFEFF{}", "{\"a\":NaN}")) {
                out.add(new Probe(e, b.path(), own, body, "application/json", "syntax"));
            }
            // past the HTTP layer's limits (413 body, 414 target): answered before any resource, still problem+json
            out.add(new Probe(e, b.path(), own, OVER_BODY_LIMIT, "application/json", "size body over limit"));
            out.add(new Probe(e, b.path() + (b.path().contains("?") ? "&" : "?") + "x=" + "a".repeat(9000), own,
                    b.body(), "application/json", "size target over limit"));
            // a key twice (the last one silently winning) and unpaired surrogates (stored as '?') must be refused
            String validText = b.body() == null ? "{}" : b.body();
            if (validText.startsWith("{\"")) {
                String firstKey = validText.substring(1, validText.indexOf("\":") + 2);
                out.add(new Probe(e, b.path(), own, "{" + firstKey + "null," + validText.substring(1), "application/json",
                        "syntax duplicate key"));
            }
            for (String prop : freeText(schema)) {
                out.add(new Probe(e, b.path(), own, ((ObjectNode) ctx.tree(validText)).put(prop, "LONE_SURROGATE").toString()
                        .replace("LONE_SURROGATE", "\\ud800 " + prop), "application/json", "syntax lone surrogate " + prop));
                out.add(new Probe(e, b.path(), own, ((ObjectNode) ctx.tree(validText)).put(prop, "LONE_SURROGATE").toString()
                        .replace("LONE_SURROGATE", "x\\udfff"), "application/json", "syntax lone surrogate " + prop));
                break;
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                out.add(new Probe(e, b.path(), own, b.body() == null ? "{}" : b.body(), type, "content type"));
            }
            ObjectNode valid = b.body() == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) ctx.tree(b.body());
            out.add(new Probe(e, b.path(), own, valid.deepCopy().put("bogus", 1).toString(), "application/json", "unknown field"));
            out.add(new Probe(e, b.path(), own, valid.deepCopy().set("__proto__", JsonNodeFactory.instance.objectNode().put("admin", true)).toString(),
                    "application/json", "unknown field"));
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                for (JsonNode v : wrongValues(p.getKey(), p.getValue(), required.contains(p.getKey()))) {
                    ObjectNode body = valid.deepCopy();
                    body.set(p.getKey(), v);
                    out.add(new Probe(e, b.path(), own, body.toString(), "application/json", "property " + p.getKey()));
                }
                String t = p.getValue().path("type").asText("object");
                if (t.equals("object") || t.equals("array")) {
                    for (JsonNode v : List.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.objectNode(),
                            JsonNodeFactory.instance.arrayNode())) {
                        ObjectNode body = valid.deepCopy();
                        body.set(p.getKey(), v);
                        out.add(new Probe(e, b.path(), own, body.toString(), "application/json", "empty " + p.getKey()));
                    }
                }
                if (required.contains(p.getKey()) && valid.has(p.getKey())) {
                    ObjectNode body = valid.deepCopy();
                    body.remove(p.getKey());
                    out.add(new Probe(e, b.path(), own, body.toString(), "application/json", "missing " + p.getKey()));
                }
            }
            // a list property with 200,000 entries
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if ("array".equals(p.getValue().path("type").asText())) {
                    ObjectNode body = valid.deepCopy();
                    ArrayNode a = body.putArray(p.getKey());
                    for (int i = 0; i < 200_000; i++) {
                        a.add("X" + i);
                    }
                    out.add(new Probe(e, b.path(), own, body.toString(), "application/json", "huge list " + p.getKey()));
                    break;
                }
            }
        }
        // random combinations of two property mutations of one endpoint, up to the target
        Random random = new Random(20261123);
        Map<Entry, List<Probe>> singles = new LinkedHashMap<>();
        out.stream().filter(p -> p.kind().startsWith("property ")).forEach(p ->
                singles.computeIfAbsent(p.entry(), k -> new ArrayList<>()).add(p));
        List<Entry> withProperties = new ArrayList<>(singles.keySet());
        int guard = 0;
        while (out.size() < target && !withProperties.isEmpty() && guard++ < target * 4) {
            List<Probe> mine = singles.get(withProperties.get(random.nextInt(withProperties.size())));
            Probe a = mine.get(random.nextInt(mine.size()));
            Probe c = mine.get(random.nextInt(mine.size()));
            if (a.kind().equals(c.kind())) {
                continue;
            }
            ObjectNode body = (ObjectNode) ctx.tree(a.body());
            ObjectNode other = (ObjectNode) ctx.tree(c.body());
            String prop = c.kind().substring("property ".length());
            body.set(prop, other.get(prop));
            if (random.nextInt(4) == 0) {
                body.put("unexpected" + random.nextInt(1000), random.nextInt());
            }
            out.add(new Probe(a.entry(), a.path(), a.token(), body.toString(), "application/json", "combination"));
        }
        return out;
    }

    /**
     * The smoke's sample: for each endpoint one probe of each kind (the kind's first word: token, body, property and
     * so on; which variant rotates with the endpoint, so that the oversized and deeply nested bodies are still sent
     * somewhere), then the rest in order up to the target.
     */
    static List<Probe> oneOfEachKind(List<Probe> probes, List<Entry> writes, int target) {
        Map<String, List<Probe>> groups = new LinkedHashMap<>();
        for (Probe p : probes) {
            groups.computeIfAbsent(p.entry().service() + " " + p.entry().name() + " " + p.kind().replaceAll(" .*", ""),
                    k -> new ArrayList<>()).add(p);
        }
        // by identity: a probe's body may be megabytes
        Set<Probe> sample = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Probe> out = new ArrayList<>();
        for (List<Probe> g : groups.values()) {
            Probe p = g.get(writes.indexOf(g.get(0).entry()) % g.size());
            sample.add(p);
            out.add(p);
        }
        for (Probe p : probes) {
            if (out.size() >= target) {
                break;
            }
            if (sample.add(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String replaceParam(String template, String actual, String param, String value) {
        // the template tells which segment of the actual path holds the parameter
        String[] t = template.split("/");
        String[] a = actual.split("\\?")[0].split("/");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < t.length && i < a.length; i++) {
            b.append('/').append(t[i].equals(param) ? value : a[i]);
        }
        return b.toString();
    }

    /** Values that must be refused for this property (the rest of the request being valid). */
    static List<JsonNode> wrongValues(String name, JsonNode prop, boolean required) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> v = new ArrayList<>();
        String type = prop.path("type").asText("object");
        String format = prop.path("format").asText("");
        switch (type) {
            case "string" -> {
                v.add(f.objectNode());
                v.add(f.arrayNode().add("a"));
                if (format.equals("date") || format.equals("date-time")) {
                    v.add(f.textNode("2026-13-45"));
                    v.add(f.textNode("2026-02-30"));
                    v.add(f.textNode("yesterday"));
                    v.add(f.textNode("' OR 1=1 --"));
                } else if (format.equals("uuid")) {
                    v.add(f.textNode("not-a-uuid"));
                    v.add(f.textNode("'; DROP TABLE pilot; --"));
                    v.add(f.numberNode(12345));
                } else if (name.toLowerCase().contains("orgnr")) {
                    BAD_ORGNR.forEach(o -> v.add(f.textNode(o)));
                    v.add(f.textNode("' OR '1'='1"));
                } else if (prop.has("maxLength")) {
                    v.add(f.textNode("y".repeat(prop.path("maxLength").asInt() + 1)));
                    v.add(f.textNode("Pasient 01017012345 " + name));
                    v.add(f.textNode("Kontakt: 31129956715"));
                } else {
                    // a code or an enum: unknown values and injections are refused
                    for (String inj : INJECTIONS) {
                        v.add(f.textNode(inj));
                    }
                    v.add(f.textNode("NOT_A_CODE"));
                }
            }
            case "integer", "number" -> {
                v.add(f.textNode("abc"));
                v.add(f.objectNode());
                v.add(f.arrayNode());
                v.add(f.textNode("1e400"));
                if (type.equals("integer")) {
                    v.add(f.numberNode(1.5));
                    v.add(f.numberNode(new java.math.BigInteger("99999999999999999999999")));
                }
            }
            case "boolean" -> {
                v.add(f.textNode("maybe"));
                v.add(f.objectNode());
                v.add(f.arrayNode());
            }
            case "array" -> {
                v.add(f.textNode("not a list"));
                v.add(f.objectNode());
                v.add(f.numberNode(7));
                JsonNode items = prop.path("items");
                String itemType = items.path("type").asText("object");
                ArrayNode bad = f.arrayNode();
                if (itemType.equals("string") && !items.path("format").asText("").equals("uuid")) {
                    bad.add("' OR '1'='1");
                    ArrayNode codes = f.arrayNode();
                    codes.add("NOT_A_CODE");
                    v.add(codes);
                    ArrayNode nullItem = f.arrayNode();
                    nullItem.addNull();
                    v.add(nullItem);
                } else if (itemType.equals("string")) {
                    bad.add("not-a-uuid");
                } else {
                    bad.add("not an object");
                }
                v.add(bad);
            }
            default -> {
                v.add(f.textNode("not an object"));
                v.add(f.numberNode(3));
                v.add(f.arrayNode().add(1));
            }
        }
        if (required) {
            v.add(f.nullNode());
        }
        return v;
    }

    /**
     * The fingerprint once the suite has gone quiet: the same twice in a row, a second apart (webhook deliveries
     * and their retries, and outbox relays, change rows after the consumers have caught up).
     */
    static Map<String, String> quietFingerprint(BenchContext ctx) throws Exception {
        Map<String, String> last = fingerprint(ctx);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            KafkaNode.sleep(ctx.smoke ? 300 : 1000);
            Map<String, String> now = fingerprint(ctx);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Row count and an md5 over all rows of every table of the five services, and every topic's end offset. */
    static Map<String, String> fingerprint(BenchContext ctx) throws Exception {
        Map<String, String> f = new TreeMap<>();
        try (Connection c = ctx.jdbc(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_schema || '.' || table_name from information_schema.tables "
                    + "where table_schema in ('" + String.join("','", BenchContext.SCHEMAS) + "') and table_type = 'BASE TABLE' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // spread's dashboard counts are kept as deltas that a worker adds up every few seconds: their content is
            // the sum per group, whichever of the two tables holds it at the moment
            tables.removeAll(List.of("spread.figure_count", "spread.figure_count_delta"));
            try (ResultSet rs = st.executeQuery("select count(*), md5(coalesce(string_agg(md5(x::text), '' order by"
                    + " md5(x::text)), '')) from (select figure, k, ps, adopter, sb, m, sum(n) n from (select * from"
                    + " spread.figure_count union all select * from spread.figure_count_delta) c group by 1, 2, 3, 4, 5, 6"
                    + " having sum(n) <> 0) x")) {
                rs.next();
                f.put("spread.figure_count (with its deltas)", rs.getLong(1) + " " + rs.getString(2));
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("select count(*), md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) from "
                        + t + " x")) {
                    rs.next();
                    f.put(t, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        ctx.endOffsets(BenchContext.TOPICS).forEach((tp, off) -> f.merge("topic " + tp.topic(), String.valueOf(off), (a, b) -> a + "+" + b));
        return f;
    }
}
