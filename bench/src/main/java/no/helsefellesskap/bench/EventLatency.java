package no.helsefellesskap.bench;

import no.helsefellesskap.infra.test.SseClient;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluation published (the publish request sent, answered 200) until the signed webhook is received by a local
 * receiver and until the SSE client has the event; beside it, Kafka's own end-to-end latency (produce with acks=all
 * until a consumer has the record) at the same rate and count, in the same run.
 */
final class EventLatency {

    static Section run(BenchContext ctx) throws Exception {
        Section s = new Section("latency", "Event latency: evaluation published to webhook and to SSE, beside Kafka");
        int events = ctx.smoke ? 10 : 1000;
        int rate = 20;
        s.line(events + " evaluations per run, published at a steady " + rate + " per second, " + ctx.repeats
                + " runs; the figures are medians of the runs' percentiles, in ms. Start: the moment the publish "
                + "request is sent (`POST /api/evaluations/{id}/publish`, answered 200). Webhook: the receiver "
                + "(a local HTTP server, verifying each signature with the Standard Webhooks library) has the request. "
                + "SSE: a client of `/api/subscriptions/{id}/events` has the event. Kafka: a record produced with "
                + "acks=all to a one-partition topic until a consumer polled it, same count and rate. Then the same "
                + "runs again under the 8-client write load.");
        String pilot = completedPilot(ctx, "Bench latency " + ctx.runId);
        String sub = ctx.subscribe("latency-" + ctx.runId,
                "{\"partnerships\":[\"HFS-AHUS\"],\"eventTypes\":[\"" + EventTypes.EVALUATION_PUBLISHED.type() + "\"]}");
        Map<String, List<Double>> p = new java.util.HashMap<>();
        for (String path : List.of("webhook", "sse", "kafka", "loaded webhook", "loaded sse")) {
            for (String q : List.of(" p50", " p95", " p99")) {
                p.put(path + q, new ArrayList<>());
            }
        }
        p.put("load rate", new ArrayList<>());
        p.put("hop relay", new ArrayList<>());
        p.put("hop spread", new ArrayList<>());
        try (SseClient sse = new SseClient(ctx.url("spread", "/api/subscriptions/" + sub + "/events"), ctx.lorenskog(), null)) {
            if (sse.status != 200) {
                throw new IllegalStateException("SSE answered " + sse.status);
            }
            for (int r = 0; r < ctx.repeats * 2; r++) {
                boolean loaded = r >= ctx.repeats;
                String prefix = loaded ? "loaded " : "";
                List<String> drafts = new ArrayList<>();
                for (int i = 0; i < events; i++) {
                    drafts.add(draft(ctx, pilot));
                }
                Map<String, Long> sent = new ConcurrentHashMap<>();
                Map<String, Long> sentWall = new ConcurrentHashMap<>();
                // under load: 8 clients register pilots back to back for the whole run, as the write path's 8 do
                java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
                List<Thread> writers = new ArrayList<>();
                for (int c = 0; loaded && c < 8; c++) {
                    int client = c;
                    Thread t = new Thread(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            if (ctx.registerPilot("Bench latency load " + ctx.runId + " c" + client + " #" + i)
                                    .status() == 201) {
                                written.incrementAndGet();
                            }
                        }
                    });
                    t.start();
                    writers.add(t);
                }
                long loadStart = System.nanoTime();
                long start = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    long due = start + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                    String id = drafts.get(i);
                    long t0 = System.nanoTime();
                    sentWall.put(id, System.currentTimeMillis());
                    Http.Reply rep = ctx.http.send("POST", ctx.url("evaluations", "/api/evaluations/" + id + "/publish"),
                            ctx.ahus(), null);
                    s.require(rep.status() == 200, "publish answered " + rep.status());
                    sent.put(id, t0);
                }
                stop.set(true);
                for (Thread t : writers) {
                    t.join();
                }
                double loadRate = written.get() / ((System.nanoTime() - loadStart) / 1e9);
                boolean all = BenchContext.await(Duration.ofMinutes(3), () ->
                        arrived(ctx.receiver.accepted().stream().map(d -> d.body().path("subject").asText()).toList(), sent) == events
                                && arrived(sse.events.stream().map(e -> subject(ctx, e.data())).toList(), sent) == events);
                s.require(all, "not every event arrived by webhook and SSE within 3 minutes");
                List<Double> hook = new ArrayList<>();
                ctx.receiver.accepted().forEach(d -> {
                    Long t0 = sent.get(d.body().path("subject").asText());
                    if (t0 != null && d.verified()) {
                        hook.add((d.arrivedNanos() - t0) / 1e6);
                    }
                });
                List<Double> stream = new ArrayList<>();
                sse.events.forEach(e -> {
                    Long t0 = sent.get(subject(ctx, e.data()));
                    if (t0 != null) {
                        stream.add((e.arrivedNanos() - t0) / 1e6);
                    }
                });
                add(p, prefix + "webhook", hook);
                add(p, prefix + "sse", stream);
                if (loaded) {
                    p.get("load rate").add(loadRate);
                    hops(ctx, sentWall, p);
                } else {
                    add(p, "kafka", kafkaEndToEnd(ctx, events, rate));
                }
                System.out.printf("[bench] latency run %d%s: webhook p50 %.1f p99 %.1f ms, sse p50 %.1f ms%s%n", r,
                        loaded ? " under " + Stats.f(loadRate) + " registrations/s" : "", Stats.percentile(hook, 50),
                        Stats.percentile(hook, 99), Stats.percentile(stream, 50), "");
                ctx.settle(); // the load's backlog drains before the next run
                s.require(hook.size() == events, "webhook deliveries verified: " + hook.size() + " of " + events);
                ctx.receiver.clear();
                sse.events.clear();
            }
        } finally {
            ctx.unsubscribe(sub);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String path : List.of("webhook", "sse", "loaded webhook", "loaded sse", "kafka")) {
            rows.add(List.of(switch (path) {
                case "webhook" -> "publish → signed webhook received";
                case "sse" -> "publish → SSE client has it";
                case "loaded webhook" -> "publish → signed webhook received, under the 8-client write load";
                case "loaded sse" -> "publish → SSE client has it, under the 8-client write load";
                default -> "Kafka alone: produce (acks=all) → consumed";
            }, Stats.f(Stats.median(p.get(path + " p50"))), Stats.f(Stats.median(p.get(path + " p95"))),
                    Stats.f(Stats.median(p.get(path + " p99")))));
        }
        s.table(List.of("path", "p50 ms", "p95 ms", "p99 ms"), rows);
        s.line("Under load: 8 clients register pilots back to back through `POST /api/pilots` for the whole run (as "
                + "the write path's 8 clients do), " + Stats.f(Stats.median(p.get("load rate")))
                + " registrations/s (median of the runs), while the evaluations are published at the same steady rate. "
                + "Where the time went under load (p50 of each run, median of the runs, from the services' own "
                + "timestamps): publish → the evaluations service's relay had the event acknowledged by Kafka "
                + Stats.f(Stats.median(p.get("hop relay"))) + " ms; publish → spread's transaction that applied it began "
                + Stats.f(Stats.median(p.get("hop spread"))) + " ms.");
        return s;
    }

    /** Where a loaded run's time went: the relay's acknowledgement and spread's applying transaction, per event. */
    private static void hops(BenchContext ctx, Map<String, Long> sentWall, Map<String, List<Double>> p) {
        Map<String, Long> wallByEvent = new java.util.HashMap<>();
        ctx.receiver.accepted().forEach(d -> {
            Long w = sentWall.get(d.body().path("subject").asText());
            if (w != null) {
                wallByEvent.put(d.body().path("eventId").asText(), w);
            }
        });
        List<Double> relay;
        List<Double> spread;
        try (java.sql.Connection c = ctx.jdbc()) {
            relay = sinceSent(c, "select id::text, extract(epoch from sent_at) * 1000 from evaluations.outbox_event "
                    + "where id = any(cast(? as uuid[])) and sent_at is not null", wallByEvent);
            spread = sinceSent(c, "select event_id, extract(epoch from processed_at) * 1000 from spread.inbox_event "
                    + "where consumer = 'spread.evaluations' and event_id = any(?)", wallByEvent);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("reading the services' timestamps: " + e.getMessage(), e);
        }
        p.get("hop relay").add(Stats.percentile(relay, 50));
        p.get("hop spread").add(Stats.percentile(spread, 50));
        System.out.printf("[bench] where the time went (p50): relay acknowledged %.1f ms (%d events), spread began "
                + "applying %.1f ms (%d)%n", Stats.percentile(relay, 50), relay.size(), Stats.percentile(spread, 50),
                spread.size());
    }

    /** Per event: a timestamp the query gives (event id, epoch ms) minus the wall-clock time its publish was sent. */
    private static List<Double> sinceSent(java.sql.Connection c, String sql, Map<String, Long> wallByEvent)
            throws java.sql.SQLException {
        List<Double> out = new ArrayList<>();
        try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("text", wallByEvent.keySet().toArray(String[]::new)));
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getDouble(2) - wallByEvent.get(rs.getString(1)));
                }
            }
        }
        return out;
    }

    private static void add(Map<String, List<Double>> p, String path, List<Double> values) {
        p.get(path + " p50").add(Stats.percentile(values, 50));
        p.get(path + " p95").add(Stats.percentile(values, 95));
        p.get(path + " p99").add(Stats.percentile(values, 99));
    }

    private static String subject(BenchContext ctx, String data) {
        return ctx.tree(data).path("subject").asText();
    }

    private static long arrived(List<String> subjects, Map<String, Long> sent) {
        return subjects.stream().filter(sent::containsKey).distinct().count();
    }

    /** A pilot of Ahus, started and completed, that the evaluations service knows. */
    static String completedPilot(BenchContext ctx, String title) {
        Http.Reply registered = ctx.registerPilot(title);
        if (registered.status() != 201) {
            throw new IllegalStateException("register: " + registered.status() + " " + registered.body());
        }
        String id = ctx.tree(registered.body()).path("id").asText();
        for (String step : List.of("start", "complete")) {
            Http.Reply r = ctx.http.send("POST", ctx.url("pilot-projects", "/api/pilots/" + id + "/" + step), ctx.ahus(),
                    "{\"date\":\"2026-0" + (step.equals("start") ? "1" : "6") + "-01\"}");
            if (r.status() != 200) {
                throw new IllegalStateException(step + ": " + r.status() + " " + r.body());
            }
        }
        if (!BenchContext.await(Duration.ofSeconds(60), () ->
                ctx.http.send("GET", ctx.url("evaluations", "/api/pilots/" + id), ctx.ahus(), null).status() == 200)) {
            throw new IllegalStateException("evaluations never learnt of pilot " + id);
        }
        return id;
    }

    static String evaluationBody(String pilot) {
        return """
                {"pilotId":"%s","evaluatorKind":"INTERNAL","design":"BEFORE_AFTER","evidenceLevel":"MEASURED_BEFORE_AFTER",
                 "recommendation":"SPREAD",
                 "outcomes":[{"dimension":"CORE_TASK_TIME","metric":"nurse hours freed","unit":"hours",
                              "resultValue":412,"direction":"INCREASE","source":"bench"}]}""".formatted(pilot);
    }

    static String draft(BenchContext ctx, String pilot) {
        Http.Reply r = ctx.http.send("POST", ctx.url("evaluations", "/api/evaluations"), ctx.ahus(), evaluationBody(pilot));
        if (r.status() != 201) {
            throw new IllegalStateException("draft: " + r.status() + " " + r.body());
        }
        return ctx.tree(r.body()).path("id").asText();
    }

    /** Kafka alone on this machine: one record at a time at the given rate, latency to the consumer's poll. */
    static List<Double> kafkaEndToEnd(BenchContext ctx, int count, int rate) throws Exception {
        String topic = "bench-e2e-" + ctx.runId;
        Properties pp = ctx.kafkaProps();
        pp.put("acks", "all");
        pp.put("linger.ms", "0");
        pp.put("enable.idempotence", "true");
        pp.put("key.serializer", StringSerializer.class.getName());
        pp.put("value.serializer", ByteArraySerializer.class.getName());
        Properties cp = ctx.kafkaProps();
        cp.put("key.deserializer", StringDeserializer.class.getName());
        cp.put("value.deserializer", ByteArrayDeserializer.class.getName());
        cp.put("fetch.min.bytes", "1");
        cp.put("fetch.max.wait.ms", "500");
        List<Double> lat = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp)) {
            producer.send(new ProducerRecord<>(topic, "create", new byte[8])).get(); // topic exists before timing
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            byte[] pad = new byte[1024];
            Thread poller = new Thread(() -> {
                while (lat.size() < count && !Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long sentAt = ByteBuffer.wrap(r.value()).getLong();
                        synchronized (lat) {
                            lat.add((System.nanoTime() - sentAt) / 1e6);
                        }
                    }
                }
            });
            poller.start();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                byte[] v = pad.clone();
                ByteBuffer.wrap(v).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, "k" + i, v));
            }
            poller.join(60_000);
            poller.interrupt();
        }
        synchronized (lat) {
            return new ArrayList<>(lat);
        }
    }
}
