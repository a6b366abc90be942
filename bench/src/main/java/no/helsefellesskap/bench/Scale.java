package no.helsefellesskap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * The read path at scale and the replay rate. A generator writes events onto the topics in the exact form the
 * services publish them (each cloned from a real event of the same type, with new ids): 100,000 pilots over the
 * 19 partnerships (60 % started, 40 % of those completed), and 20,000 published evaluations of completed pilots
 * with 50 outcomes each (1,000,000 outcome rows). The services consume them like any other events; then each
 * dashboard and query endpoint is timed, and spread's read models are rebuilt from the topics.
 */
final class Scale {

    record Sizes(int pilots, int evaluations, int outcomesPerEvaluation) {
    }

    static Section run(BenchContext ctx, Sizes sizes, int rebuildRuns) throws Exception {
        Section s = new Section("scale", "Read path at scale, and replay");
        long began = System.nanoTime();
        // templates: one real pilot through its lifecycle and one real published evaluation with outcomes
        String pilot = EventLatency.completedPilot(ctx, "Bench scale template " + ctx.runId);
        String evaluation = EventLatency.draft(ctx, pilot);
        ctx.http.send("POST", ctx.url("evaluations", "/api/evaluations/" + evaluation + "/publish"), ctx.ahus(), null);
        BenchContext.await(Duration.ofSeconds(30), () -> ctx.totalLag() == 0);
        Map<String, ConsumerRecord<String, String>> templates = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : ctx.readAll(EventTypes.TOPIC_PILOTS)) {
            if (pilot.equals(r.key())) {
                templates.put(Survival.header(r, "ce_type"), r);
            }
        }
        for (ConsumerRecord<String, String> r : ctx.readAll(EventTypes.TOPIC_EVALUATIONS)) {
            if (evaluation.equals(r.key())) {
                templates.put(Survival.header(r, "ce_type"), r);
            }
        }
        Bench.progress("scale", "templates ready", began);
        // each partnership's members with an organisation number: the generated pilots' owners
        Map<String, String> orgnrs = new LinkedHashMap<>();
        ctx.tree(ctx.http.send("GET", ctx.url("pilot-projects", "/api/organisations"), ctx.ahus(), null).body())
                .forEach(o -> {
                    if (o.hasNonNull("orgnr")) {
                        orgnrs.put(o.path("code").asText(), o.path("orgnr").asText());
                    }
                });
        Map<String, List<String>> partnerships = new LinkedHashMap<>();
        ctx.tree(ctx.http.send("GET", ctx.url("pilot-projects", "/api/partnerships"), ctx.ahus(), null).body())
                .forEach(p -> {
                    List<String> members = new ArrayList<>();
                    p.path("members").forEach(m -> {
                        String orgnr = orgnrs.get(m.path("organisation").asText());
                        if (orgnr != null) {
                            members.add(orgnr);
                        }
                    });
                    partnerships.put(p.path("code").asText(), members.isEmpty() ? List.of(BenchContext.AHUS) : members);
                });

        long t0 = System.nanoTime();
        long produced = generate(ctx, sizes, templates, partnerships);
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        boolean caughtUp = BenchContext.await(Duration.ofMinutes(ctx.smoke ? 3 : 60), () -> lag(ctx, "spread") == 0);
        double consumeSeconds = (System.nanoTime() - t0) / 1e9;
        s.require(caughtUp, "spread did not catch up with the generated events");
        BenchContext.await(Duration.ofMinutes(ctx.smoke ? 3 : 30), () -> ctx.totalLag() == 0);
        Bench.progress("scale", "generated events consumed", began);
        s.line("Generator (`Scale.generate`): " + sizes.pilots() + " pilots, " + sizes.evaluations()
                + " published evaluations with " + sizes.outcomesPerEvaluation() + " outcomes each ("
                + (long) sizes.evaluations() * sizes.outcomesPerEvaluation() + " outcome rows), " + produced
                + " events in all, each a copy of a real event of its type with new ids, spread over the "
                + partnerships.size() + " partnerships, their member organisations and the years " + FIRST_DAY.getYear()
                + " to " + LAST_DAY.getYear() + "; written to Kafka in " + Stats.f(produceSeconds)
                + " s. spread applied them live (read models, feed) in " + Stats.f(consumeSeconds) + " s from the "
                + "first write: " + Stats.f(produced / consumeSeconds) + " events/s.");

        // read path
        String sub = ctx.subscribe("scale-" + ctx.runId, "{\"partnerships\":[\"HFS-AHUS\"]}");
        List<String[]> endpoints = readEndpoints(ctx, pilot, evaluation, sub);
        int n = ctx.smoke ? 2 : 50;
        int warmUps = ctx.smoke ? 1 : 3;
        List<List<String>> rows = new ArrayList<>();
        int day = 0;
        for (String[] e : endpoints) {
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            int status = 0;
            long bytes = 0;
            for (int r = 0; r < ctx.repeats; r++) {
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < n + warmUps; i++) {
                    // {day}: a new value on every request, so no answer can be served again (a cold dashboard)
                    String path = e[1].replace("{day}", LocalDate.of(2100, 1, 1).plusDays(day++).toString());
                    if (e[2].equals("admin after an event")) {
                        eventLands(ctx); // the answer held for this filter no longer counts it
                    }
                    Http.Reply rep = ctx.http.send("GET", ctx.url(e[0], path), e[2].startsWith("admin") ? ctx.admin()
                            : e[2].equals("lorenskog") ? ctx.lorenskog() : ctx.ahus(), null);
                    status = rep.status();
                    bytes = rep.body() == null ? 0 : rep.body().length();
                    if (i >= warmUps) { // the first few warm caches and JIT
                        ms.add(rep.millis());
                    }
                }
                p50.add(Stats.percentile(ms, 50));
                p95.add(Stats.percentile(ms, 95));
            }
            s.require(status == 200, e[0] + " " + e[1] + " answered " + status);
            rows.add(List.of(e[0], "`GET " + e[1] + "`" + (e[2].contains("after an event")
                    ? " right after an event lands" : ""), String.valueOf(status), Stats.f(bytes / 1024.0),
                    Stats.f(Stats.median(p50)), Stats.f(Stats.median(p95))));
            System.out.printf("[bench] read %s %s: p50 %.1f ms%n", e[0], e[1], Stats.median(p50));
        }
        ctx.unsubscribe(sub);
        Bench.progress("scale", "read path timed", began);
        s.line("");
        s.line("Each endpoint: " + ctx.repeats + " runs of " + n + " sequential requests after " + warmUps + " warm-up requests; "
                + "medians of the runs' p50 and p95, in ms. spread holds the generated data; the other services "
                + "hold what the earlier runs of this harness wrote through their APIs (pilot-projects and "
                + "evaluations also consumed the generated pilot events). spread serves a dashboard answer again "
                + "while its read models are unchanged, so repeated requests for one filter measure that path; "
                + "`to={day}` is a new date after 2100 on every request (the same figures, never served before), "
                + "so that row is the dashboard computed from the read models each time; the row marked \"admin after an "
                + "event\" is the unfiltered dashboard right after a registration has reached spread (registered "
                + "through the API before each request, and the request sent once spread has applied it).");
        s.table(List.of("service", "endpoint", "status", "KiB", "p50 ms", "p95 ms"), rows);

        // replay
        List<Double> rates = new ArrayList<>();
        long applied = 0;
        long rebuildStart = System.nanoTime();
        for (int r = 0; r < rebuildRuns; r++) {
            double spentMinutes = (System.nanoTime() - rebuildStart) / 60e9;
            if (r > 0 && spentMinutes / r * (r + 1) > ctx.rebuildBudgetMinutes) {
                System.out.printf("[bench] rebuild: stopping after %d runs (budget %d min)%n", r, ctx.rebuildBudgetMinutes);
                break;
            }
            Http.Reply rep = new Http(Duration.ofHours(1)).send("POST", ctx.url("spread", "/api/admin/read-models/rebuild"),
                    ctx.admin(), null);
            s.require(rep.status() == 200, "rebuild answered " + rep.status() + " " + rep.body());
            applied = eventsApplied(ctx.tree(rep.body()));
            rates.add(applied / (rep.nanos() / 1e9));
            System.out.printf("[bench] rebuild %d: %d events in %.1f s%n", r, applied, rep.nanos() / 1e9);
        }
        s.line("Replay: `POST /api/admin/read-models/rebuild` empties spread's read models and applies every topic "
                + "from offset 0 in one transaction: " + applied + " events; median of " + rates.size() + " runs"
                + (rates.size() < rebuildRuns ? " (of " + rebuildRuns + " planned; the time budget of "
                + ctx.rebuildBudgetMinutes + " min for rebuilds was used up)" : "") + ": **"
                + Stats.f(Stats.median(rates)) + " events/s** (runs: " + rates.stream().map(Stats::f).toList() + ").");
        return s;
    }

    /** Registers a pilot through the API and waits until spread has applied its event. */
    static void eventLands(BenchContext ctx) {
        long before = spreadEventsApplied(ctx);
        Http.Reply r = ctx.registerPilot("scale: an event lands " + UUID.randomUUID());
        if (r.status() != 201) {
            throw new IllegalStateException("registration answered " + r.status() + " " + r.body());
        }
        if (!BenchContext.await(Duration.ofSeconds(30), () -> spreadEventsApplied(ctx) > before)) {
            throw new IllegalStateException("spread did not apply the registration within 30 s");
        }
    }

    private static long spreadEventsApplied(BenchContext ctx) {
        try (java.sql.Connection c = ctx.jdbc(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select events_applied from spread.read_model_state where id = 1")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long eventsApplied(JsonNode body) {
        for (String f : List.of("eventsApplied", "applied", "events")) {
            if (body.has(f)) {
                return body.path(f).asLong();
            }
        }
        long sum = 0;
        for (JsonNode v : body.path("topics")) {
            sum += v.isNumber() ? v.asLong() : v.path("applied").asLong();
        }
        return sum;
    }

    /** A service's lag over all its consumer groups (one per topic: {@code <service>.<topic>}). */
    static long lag(BenchContext ctx, String service) {
        return ctx.lagByGroupAndTopic().entrySet().stream().filter(e -> e.getKey().startsWith(service + "."))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Service, path and persona of each query endpoint, with the parameters a user would send. */
    static List<String[]> readEndpoints(BenchContext ctx, String pilot, String evaluation, String sub) {
        List<String[]> e = new ArrayList<>();
        e.add(new String[] {"spread", "/api/dashboard", "admin"});
        e.add(new String[] {"spread", "/api/dashboard?to={day}", "admin"});
        e.add(new String[] {"spread", "/api/dashboard", "admin after an event"});
        e.add(new String[] {"spread", "/api/dashboard?partnership=HFS-AHUS", "admin"});
        e.add(new String[] {"spread", "/api/dashboard?from=2026-01-01&to=2026-12-31", "admin"});
        e.add(new String[] {"spread", "/api/dashboard/records?figure=pilotsByStatus&key=COMPLETED&partnership=HFS-AHUS", "admin"});
        e.add(new String[] {"spread", "/api/dashboard/records?figure=publishedOutcomes&key=CORE_TASK_TIME&partnership=HFS-AHUS", "admin"});
        e.add(new String[] {"spread", "/api/pilots?partnership=HFS-AHUS&status=COMPLETED", "admin"});
        e.add(new String[] {"spread", "/api/pilots?partnership=HFS-AHUS&status=COMPLETED&limit=100&offset=1000", "admin"});
        e.add(new String[] {"spread", "/api/pilots/" + pilot, "admin"});
        e.add(new String[] {"spread", "/api/subscriptions", "lorenskog"});
        e.add(new String[] {"spread", "/api/subscriptions/" + sub + "/feed.json", "lorenskog"});
        e.add(new String[] {"spread", "/api/subscriptions/" + sub + "/feed.atom", "lorenskog"});
        e.add(new String[] {"spread", "/api/subscriptions/" + sub + "/deliveries", "lorenskog"});
        e.add(new String[] {"pilot-projects", "/api/pilots?owner=" + BenchContext.AHUS, "ahus"});
        e.add(new String[] {"pilot-projects", "/api/pilots/" + pilot, "ahus"});
        e.add(new String[] {"pilot-projects", "/api/organisations", "ahus"});
        e.add(new String[] {"pilot-projects", "/api/partnerships", "ahus"});
        e.add(new String[] {"pilot-projects", "/api/partnerships/HFS-AHUS", "ahus"});
        e.add(new String[] {"evaluations", "/api/evaluations?pilotId=" + pilot, "ahus"});
        e.add(new String[] {"evaluations", "/api/evaluations/" + evaluation, "ahus"});
        e.add(new String[] {"evaluations", "/api/overdue-evaluations", "ahus"});
        e.add(new String[] {"evaluations", "/api/pilots/" + pilot, "ahus"});
        e.add(new String[] {"evaluations", "/api/freed-time/parameters", "ahus"});
        e.add(new String[] {"task-catalogue", "/api/tasks", "ahus"});
        e.add(new String[] {"task-catalogue", "/api/models", "ahus"});
        e.add(new String[] {"task-catalogue", "/api/search?q=blodpr%C3%B8ve", "ahus"});
        e.add(new String[] {"competence-registry", "/api/personnel-groups", "ahus"});
        e.add(new String[] {"competence-registry", "/api/competences", "ahus"});
        e.add(new String[] {"competence-registry", "/api/sign-off-schemes", "ahus"});
        e.add(new String[] {"competence-registry", "/api/competence-profiles?orgnr=" + BenchContext.AHUS, "ahus"});
        return e;
    }

    /** The generated pilots are registered between these days, owned by a member of their partnership. */
    static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);

    /** Writes the generated events; returns how many. */
    static long generate(BenchContext ctx, Sizes sizes, Map<String, ConsumerRecord<String, String>> templates,
                         Map<String, List<String>> members) throws Exception {
        List<String> partnerships = new ArrayList<>(members.keySet());
        long days = java.time.temporal.ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        Properties p = ctx.kafkaProps();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "20");
        p.put("batch.size", String.valueOf(512 * 1024));
        Random random = new Random(42);
        long count = 0;
        List<String> completed = new ArrayList<>();
        Map<String, LocalDate> completedOn = new java.util.HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < sizes.pilots(); i++) {
                String id = UUID.randomUUID().toString();
                String partnership = partnerships.get(random.nextInt(partnerships.size()));
                List<String> owners = members.get(partnership);
                String owner = owners.get(random.nextInt(owners.size()));
                String title = "Generated pilot " + i;
                LocalDate registered = FIRST_DAY.plusDays(random.nextInt((int) days));
                send(ctx, producer, templates, EventTypes.PILOT_REGISTERED, id, data -> {
                    data.put("title", title);
                    data.put("partnership", partnership);
                    data.put("ownerOrgnr", owner);
                    data.put("registeredAt", at(registered).toString());
                });
                count++;
                if (random.nextDouble() < 0.6) {
                    LocalDate started = atMost(registered.plusDays(random.nextInt(180)));
                    send(ctx, producer, templates, EventTypes.PILOT_STARTED, id, data -> status(data, owner, started));
                    count++;
                    if (random.nextDouble() < 0.4) {
                        LocalDate done = atMost(started.plusDays(30 + random.nextInt(690)));
                        send(ctx, producer, templates, EventTypes.PILOT_COMPLETED, id, data -> status(data, owner, done));
                        count++;
                        completed.add(id);
                        completedOn.put(id, done);
                    }
                }
            }
            for (int i = 0; i < sizes.evaluations(); i++) {
                String pilotId = completed.get(i % completed.size());
                String id = UUID.randomUUID().toString();
                LocalDate published = atMost(completedOn.get(pilotId).plusDays(30 + random.nextInt(510)));
                send(ctx, producer, templates, EventTypes.EVALUATION_PUBLISHED, id, data -> {
                    data.put("pilotId", pilotId);
                    data.put("publishedAt", at(published).toString());
                    data.put("reportPublishedOn", published.toString());
                    JsonNode one = data.path("outcomes").path(0);
                    ArrayNode outcomes = data.putArray("outcomes");
                    for (int k = 0; k < sizes.outcomesPerEvaluation(); k++) {
                        ObjectNode o = one.deepCopy();
                        o.put("metric", "generated metric " + k);
                        o.put("resultValue", random.nextInt(1000));
                        outcomes.add(o);
                    }
                });
                count++;
            }
            producer.flush();
        }
        return count;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    private static LocalDate atMost(LocalDate day) {
        return day.isAfter(LAST_DAY) ? LAST_DAY : day;
    }

    /** A status change's owner, day and time, as the pilot's own events carry them. */
    private static void status(ObjectNode data, String owner, LocalDate day) {
        data.put("ownerOrgnr", owner);
        data.put("date", day.toString());
        data.put("changedAt", at(day).toString());
    }

    interface Edit {
        void apply(ObjectNode data);
    }

    private static void send(BenchContext ctx, KafkaProducer<String, String> producer,
                             Map<String, ConsumerRecord<String, String>> templates, EventType type, String id, Edit edit) {
        ConsumerRecord<String, String> t = templates.get(type.type());
        if (t == null) {
            throw new IllegalStateException("no template event of type " + type.type());
        }
        String oldId = t.key();
        ObjectNode data = (ObjectNode) ctx.tree(t.value().replace(oldId, id));
        edit.apply(data);
        ProducerRecord<String, String> r = new ProducerRecord<>(t.topic(), id, data.toString());
        t.headers().forEach(h -> {
            String v = new String(h.value(), StandardCharsets.UTF_8);
            switch (h.key()) {
                case "ce_id" -> v = UUID.randomUUID().toString();
                case "ce_subject" -> v = id;
                case "ce_time" -> v = Instant.now().toString();
                default -> { }
            }
            r.headers().add(h.key(), v.getBytes(StandardCharsets.UTF_8));
        });
        producer.send(r);
    }
}
