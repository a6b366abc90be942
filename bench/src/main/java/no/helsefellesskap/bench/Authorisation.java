package no.helsefellesskap.bench;

import no.helsefellesskap.bench.Catalogue.Entry;
import no.helsefellesskap.bench.Catalogue.Persona;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every endpoint of every service (as listed by the services' OpenAPI documents) × six callers: no token, an
 * expired token, a forged token (signed by a key the services do not trust), the organisation the request acts
 * for, another organisation, and a programme administrator without an organisation.
 */
final class Authorisation {

    static final List<String> COLUMNS = List.of("none", "expired", "forged", "own", "other", "admin");

    static Section run(BenchContext ctx) throws Exception {
        Section s = new Section("authz", "Authorisation matrix: every endpoint × persona");
        Catalogue cat = new Catalogue(ctx);
        List<Entry> entries = cat.entries();
        List<Api.Operation> ops = Api.operations(ctx);
        for (Api.Operation op : ops) {
            boolean covered = entries.stream().anyMatch(e -> e.service().equals(op.service())
                    && e.method().equals(op.method()) && e.path().equals(op.path()));
            s.require(covered, "no matrix row for " + op.service() + " " + op.name());
        }
        // one thread per service: a service's rows in order ("own" last, on resources shared within a service),
        // the five services side by side
        List<List<String>> rows = new ArrayList<>(java.util.Collections.nCopies(entries.size(), (List<String>) null));
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger notProblem = new AtomicInteger();
        Map<String, List<Integer>> byService = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byService.computeIfAbsent(entries.get(i).service(), k -> new ArrayList<>()).add(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(byService.size());
        List<Future<?>> done = new ArrayList<>();
        for (List<Integer> indexes : byService.values()) {
            done.add(pool.submit(() -> {
                for (int i : indexes) {
                    rows.set(i, row(ctx, cat, entries.get(i), s, checks, wrong, notProblem));
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : done) {
            f.get();
        }
        s.line(entries.size() + " endpoints (every operation in the five services' OpenAPI documents; the run fails if "
                + "one has no row) × 6 callers = " + checks.get() + " requests. Each row's request is valid for the caller "
                + "it acts for (made on resources prepared for it: a fresh pilot for a lifecycle step, a draft for a "
                + "publication); \"own\" is sent last. Expected: 401 without a valid token; 2xx for the organisation "
                + "the request acts for; for another organisation 403, or 404 where the resource is private to its "
                + "owner (subscriptions, draft evaluations), or 2xx for reads open to the whole programme and for "
                + "creations that act for the caller itself; for a programme administrator (no organisation) 2xx on "
                + "reads and administration, 403 on organisation-scoped writes. A cell marked ✗ differs from that; "
                + "every 4xx must be application/problem+json.");
        List<String> header = new ArrayList<>(List.of("service", "endpoint"));
        header.addAll(List.of("no token", "expired", "forged", "own org", "other org", "admin"));
        header.add("own / other persona");
        s.table(header, rows);
        s.line("Mismatches: **" + wrong.get() + "**; 4xx without problem+json: **" + notProblem.get() + "**.");
        ctx.unsubscribe(cat.subscription); // no deliveries left running into later scenarios
        return s;
    }

    /** One endpoint's row: its request sent by each caller, "own" last (it may change the resource). */
    private static List<String> row(BenchContext ctx, Catalogue cat, Entry e, Section s, AtomicInteger checks,
                                    AtomicInteger wrong, AtomicInteger notProblem) {
        Catalogue.Request req = e.prepare().get();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("expired", ctx.expired(Catalogue.orgnr(e.own()), Catalogue.roles(e.own())));
        tokens.put("forged", ctx.forged(Catalogue.orgnr(e.own()), Catalogue.roles(e.own())));
        tokens.put("other", cat.token(e.other()));
        if (e.own() != Persona.ADMIN) {
            tokens.put("admin", cat.token(Persona.ADMIN));
        }
        tokens.put("own", cat.token(e.own()));
        Map<String, String> expected = Map.of("none", "401", "expired", "401", "forged", "401", "own", "2xx",
                "other", e.expectOther(), "admin", e.expectAdmin());
        Map<String, String> cells = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            Http.Reply r = e.stream() ? ctx.http.head(ctx.url(e.service(), req.path()), t.getValue())
                    : ctx.http.send(e.method(), ctx.url(e.service(), req.path()), t.getValue(), req.body());
            boolean ok = matches(r.status(), expected.get(t.getKey()));
            boolean problem = r.status() < 400 || r.problemJson();
            checks.incrementAndGet();
            if (!ok) {
                wrong.incrementAndGet();
                s.require(false, e.service() + " " + e.name() + " as " + t.getKey() + ": " + r.status()
                        + " (expected " + expected.get(t.getKey()) + ") " + abbreviate(r.body()));
            }
            if (!problem) {
                notProblem.incrementAndGet();
                s.require(false, e.service() + " " + e.name() + " as " + t.getKey() + ": " + r.status()
                        + " without application/problem+json (" + r.contentType() + ")");
            }
            cells.put(t.getKey(), r.status() + (ok ? "" : " ✗"));
        }
        if (e.own() == Persona.ADMIN) {
            cells.put("admin", cells.get("own"));
        }
        List<String> row = new ArrayList<>(List.of(e.service(), "`" + e.name() + "`"));
        COLUMNS.forEach(c -> row.add(cells.get(c)));
        row.add(e.own().name().toLowerCase() + " / " + (e.own() == Persona.ADMIN ? "admin" : e.other().name().toLowerCase()));
        return row;
    }

    static boolean matches(int status, String expected) {
        return expected.equals("2xx") ? status >= 200 && status < 300 : String.valueOf(status).equals(expected);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
