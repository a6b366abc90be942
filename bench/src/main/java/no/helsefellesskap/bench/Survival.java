package no.helsefellesskap.bench;

import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Fault injection under a write load. Every run registers pilots at a steady rate through REST while a part fails,
 * then follows each acknowledged pilot through the pipeline: its event in Kafka (published), spread's read model
 * (consumed) and a verified webhook at a subscriber (delivered). Lost = acknowledged but never delivered;
 * duplicated effects = an event that reached the subscriber under two webhook-ids (a receiver deduplicating by
 * webhook-id, as Standard Webhooks asks, would apply it twice) or a pilot stored twice.
 */
final class Survival {

    /** Something done to the suite at a moment of the load. */
    record Action(double atSecond, String what, ThrowingRunnable run) {
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    record Load(List<String> written, Map<Integer, Integer> refusedByStatus) {
        int refused() {
            return refusedByStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static Section kafka(BenchContext ctx) throws Exception {
        Section s = new Section("survival-kafka", "Survival: the Kafka broker killed (SIGKILL) for 30 s during writes");
        double down = ctx.smoke ? 1.5 : 30;
        double at = ctx.smoke ? 0.3 : 10;
        return scenario(ctx, s, "kafka-killed", ctx.smoke ? 5 : 10, ctx.smoke ? 3 : 60, List.of(
                new Action(at, "kill -9 the broker", () -> ctx.kafka().kill()),
                new Action(at + down, "start the broker on the same data", () -> ctx.kafka().start())),
                "The broker runs in its own JVM and is killed with SIGKILL " + Stats.f(at) + " s into a "
                        + (ctx.smoke ? 3 : 60) + " s load, then started again on the same data " + Stats.f(down)
                        + " s later. Writes keep being accepted (the outbox holds the events); the relays and "
                        + "consumers reconnect by themselves.");
    }

    static Section consumerKilled(BenchContext ctx) throws Exception {
        Section s = new Section("survival-consumer", "Survival: the consuming service killed (SIGKILL) mid-stream");
        return scenario(ctx, s, "spread-killed", ctx.smoke ? 5 : 10, ctx.smoke ? 3 : 40, List.of(
                new Action(ctx.smoke ? 0.5 : 10, "kill -9 spread, start it again", () -> {
                    ctx.suite().kill("spread");
                    ctx.suite().restart("spread");
                })),
                "spread (the consumer of every topic, which also sends the webhooks) is killed with SIGKILL while "
                        + "events stream in, and started again at once; it resumes from its committed offsets and "
                        + "its inbox drops what it had already applied.");
    }

    static Section receiverDown(BenchContext ctx) throws Exception {
        Section s = new Section("survival-webhook", "Survival: the webhook receiver down for 2 minutes");
        double down = ctx.smoke ? 1.5 : 120;
        return scenario(ctx, s, "receiver-down", ctx.smoke ? 3 : 5, ctx.smoke ? 2 : 60, List.of(
                new Action(0, "receiver down (connection refused)", ctx.receiver::down),
                new Action(down, "receiver up", ctx.receiver::up)),
                "The subscriber's endpoint refuses connections for " + Stats.f(down) + " s from the start of the load. "
                        + (ctx.smoke ? "Retries start 0.3 s apart (smoke; production starts at 30 s), so the last "
                        : "Retries follow the production back-off (30 s doubling, ±20 % jitter), so the last ")
                        + "events arrive some time after the receiver is back. The longer outage (25 h, beyond the "
                        + "24 h pause limit) runs with a controllable clock in "
                        + "`services/spread` `WebhookDeliveryTest.aSubscriptionFailingForADayIsPausedItsOwnerSeesWhyAndResumingDeliversEverything`, "
                        + "which prints the same counts (see below).");
    }

    static Section postgresRestart(BenchContext ctx) throws Exception {
        Section s = new Section("survival-postgres", "Survival: PostgreSQL restarted under load");
        double at = ctx.smoke ? 0.5 : 15;
        return scenario(ctx, s, "postgres-restarted", ctx.smoke ? 5 : 10, ctx.smoke ? 3 : 60, List.of(
                new Action(at, "stop PostgreSQL", () -> ctx.suite().stopDatabase()),
                new Action(at + (ctx.smoke ? 1 : 5), "start PostgreSQL", () -> ctx.suite().startDatabase())),
                "The PostgreSQL server every service uses is stopped " + Stats.f(at) + " s into the load and started "
                        + "again " + (ctx.smoke ? 1 : 5) + " s later (pg_ctl stop -m fast, then start). Requests "
                        + "meanwhile are refused with 503 problem+json and change nothing (the client may retry); "
                        + "consumers retry in a new transaction instead of dead-lettering good records.");
    }

    private static Section scenario(BenchContext ctx, Section s, String tag, int rate, int seconds, List<Action> actions,
                                    String description) throws Exception {
        String key = tag + "-" + ctx.runId;
        String titlePrefix = "Bench survival " + key + " #";
        String sub = ctx.subscribe(key, "{\"partnerships\":[\"HFS-AHUS\"],\"eventTypes\":[\"" + EventTypes.PILOT_REGISTERED.type() + "\"]}");
        try {
            Load load = load(ctx, titlePrefix, rate, seconds, actions);
            s.line(description);
            s.line("");
            s.line("Load: " + rate + " pilot registrations per second for " + seconds + " s. Acknowledged (201): "
                    + load.written().size() + "; refused while a part was down: " + load.refused()
                    + (load.refusedByStatus().isEmpty() ? "" : " (by status, 0 = no answer: " + load.refusedByStatus() + ")")
                    + ".");
            account(ctx, s, tag, key, titlePrefix, load.written());
        } finally {
            ctx.receiver.up();
            ctx.unsubscribe(sub);
        }
        return s;
    }

    static Load load(BenchContext ctx, String titlePrefix, int rate, int seconds, List<Action> actions) throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        Thread faults = new Thread(() -> {
            for (Action a : actions) {
                long due = start + (long) (a.atSecond() * 1e9);
                while (System.nanoTime() < due) {
                    KafkaNode.sleep(20);
                }
                System.out.printf("[bench] %.1f s: %s%n", (System.nanoTime() - start) / 1e9, a.what());
                try {
                    a.run().run();
                } catch (Exception e) {
                    throw new IllegalStateException(a.what() + " failed", e);
                }
            }
        }, "bench-faults");
        faults.start();
        // a few clients so that one slow answer does not hold up the schedule
        int clients = 4;
        List<Thread> threads = new ArrayList<>();
        int total = rate * seconds;
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread t = new Thread(() -> {
                for (int i = first; i < total; i += clients) {
                    long due = start + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        KafkaNode.sleep(2);
                    }
                    Http.Reply r = ctx.registerPilot(titlePrefix + i);
                    if (r.status() == 201) {
                        written.add(ctx.tree(r.body()).path("id").asText());
                    } else {
                        refused.merge(r.status(), 1, Integer::sum);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        faults.join();
        return new Load(written, new TreeMap<>(refused));
    }

    /** Follows every acknowledged pilot to the subscriber and prints the counts line. */
    static void account(BenchContext ctx, Section s, String what, String key, String titlePrefix, List<String> written)
            throws Exception {
        Set<String> ids = Set.copyOf(written);
        Duration patience = Duration.ofMinutes(ctx.smoke ? 2 : 8);
        Instant t0 = Instant.now();
        BenchContext.await(patience, () -> delivered(ctx, key, ids).size() == ids.size());
        double waited = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        List<ConsumerRecord<String, String>> events = ctx.readAll(EventTypes.TOPIC_PILOTS).stream()
                .filter(r -> ids.contains(r.key()) && EventTypes.PILOT_REGISTERED.type().equals(header(r, "ce_type")))
                .toList();
        long published = events.stream().map(ConsumerRecord::key).distinct().count();
        long copiesInKafka = events.size() - events.stream().map(r -> header(r, "ce_id")).distinct().count();
        long consumed = ids.stream().filter(id ->
                ctx.http.send("GET", ctx.url("spread", "/api/pilots/" + id), ctx.admin(), null).status() == 200).count();
        Map<String, Set<String>> webhookIds = new HashMap<>();
        long redelivered = 0;
        Map<String, Long> perWebhookId = new HashMap<>();
        for (Receiver.Delivery d : ctx.receiver.accepted()) {
            if (d.key().equals(key) && d.verified() && ids.contains(d.body().path("subject").asText())) {
                webhookIds.computeIfAbsent(d.body().path("subject").asText(), x -> new java.util.HashSet<>()).add(d.webhookId());
                perWebhookId.merge(d.webhookId(), 1L, Long::sum);
            }
        }
        for (long n : perWebhookId.values()) {
            redelivered += n - 1;
        }
        long deliveredCount = webhookIds.size();
        long duplicatedWebhooks = webhookIds.values().stream().mapToLong(v -> v.size() - 1).sum();
        long stored = storedPilots(ctx, titlePrefix);
        long duplicatedRows = Math.max(0, stored - ids.size());
        long lost = ids.size() - deliveredCount;
        s.counts(what, ids.size(), published, consumed, deliveredCount, lost, duplicatedWebhooks + duplicatedRows);
        s.line("Pilots stored by pilot-projects under this run's titles: " + stored + " (acknowledged " + ids.size()
                + "). Extra copies of an event in Kafka (the relay is at-least-once; consumers' inboxes drop them): "
                + copiesInKafka + ". Repeated webhook requests under the same webhook-id (after a failed attempt; "
                + "receivers deduplicate by it): " + redelivered + ". All delivered " + Stats.f(waited)
                + " s after the load ended.");
        s.require(published == ids.size() && consumed == ids.size(), "not every acknowledged pilot was published and consumed");
    }

    private static Set<String> delivered(BenchContext ctx, String key, Set<String> ids) {
        return ctx.receiver.accepted().stream().filter(d -> d.key().equals(key) && d.verified())
                .map(d -> d.body().path("subject").asText()).filter(ids::contains).collect(Collectors.toSet());
    }

    static long storedPilots(BenchContext ctx, String titlePrefix) throws Exception {
        try (Connection c = ctx.jdbc();
             PreparedStatement ps = c.prepareStatement("select count(*) from pilot_projects.pilot where title like ?")) {
            ps.setString(1, titlePrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** For each topic a type every consumer of it reads (a consumer may skip types it has no use for unread). */
    static final Map<String, EventType> POISON_TYPE = Map.of(
            EventTypes.TOPIC_PILOTS, EventTypes.PILOT_REGISTERED,
            EventTypes.TOPIC_EVALUATIONS, EventTypes.EVALUATION_PUBLISHED,
            EventTypes.TOPIC_MODELS, EventTypes.MODEL_PUBLISHED,
            EventTypes.TOPIC_MODEL_EVIDENCE, EventTypes.MODEL_PROVEN,
            EventTypes.TOPIC_TASKS, EventTypes.TASK_REGISTERED,
            EventTypes.TOPIC_ORGANISATIONS, EventTypes.ORGANISATION_CHANGED,
            EventTypes.TOPIC_PARTNERSHIPS, EventTypes.PARTNERSHIP_CHANGED,
            EventTypes.TOPIC_ADOPTIONS, EventTypes.ADOPTION_DECLARED);

    /** Poison into every topic that some service consumes: each must reach <topic>.dlq once per consumer group. */
    static Section poison(BenchContext ctx) throws Exception {
        Section s = new Section("survival-poison", "Survival: a poison record in each consumed topic");
        Map<String, List<String>> groupsByTopic = new TreeMap<>(ctx.consumerGroupsByTopic());
        groupsByTopic.keySet().retainAll(BenchContext.TOPICS);
        Map<String, Long> dlqBefore = dlqCounts(ctx, groupsByTopic.keySet());
        Properties p = ctx.kafkaProps();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        int perTopic = 2;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String topic : groupsByTopic.keySet()) {
                EventType type = POISON_TYPE.getOrDefault(topic,
                        EventTypes.ALL.stream().filter(t -> t.topic().equals(topic)).findFirst().orElseThrow());
                ProducerRecord<String, String> garbage = new ProducerRecord<>(topic, "poison-" + UUID.randomUUID(),
                        "{ this is not an event " + UUID.randomUUID());
                garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", type.type().getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", "/bench/poison".getBytes(StandardCharsets.UTF_8))
                        .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                        .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(garbage).get();
                producer.send(new ProducerRecord<>(topic, "poison-" + UUID.randomUUID(),
                        "{\"no\":\"cloudevents headers\"}")).get();
            }
        }
        // a good record behind the poison must still be applied
        String pilot = ctx.tree(ctx.registerPilot("Bench after poison " + ctx.runId).body()).path("id").asText();
        boolean drained = BenchContext.await(Duration.ofMinutes(2), () -> ctx.totalLag() == 0);
        boolean goodApplied = BenchContext.await(Duration.ofMinutes(1), () ->
                ctx.http.send("GET", ctx.url("spread", "/api/pilots/" + pilot), ctx.admin(), null).status() == 200
                        && ctx.http.send("GET", ctx.url("evaluations", "/api/pilots/" + pilot), ctx.ahus(), null).status() == 200);
        s.line("For each topic some service consumes: one record whose value is not JSON (with valid CloudEvents "
                + "headers of a type of that topic) and one JSON record without CloudEvents headers, then a valid "
                + "pilot registration behind them. Each consumer group must dead-letter each poison record to "
                + "`<topic>.dlq` and go on: written = poison records, published = in the topic, consumed = "
                + "moved past by every group (lag 0), delivered = records in the DLQ, lost = expected DLQ records "
                + "missing, duplicated = DLQ records beyond one per group.");
        s.require(drained, "consumer lag did not return to 0");
        s.require(goodApplied, "the valid pilot after the poison was not applied by spread and evaluations");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        groupsByTopic.forEach((topic, groups) -> expected.put(topic, (long) perTopic * groups.size()));
        BenchContext.await(Duration.ofSeconds(30), () -> {
            Map<String, Long> now = dlqCounts(ctx, groupsByTopic.keySet());
            return expected.keySet().stream().allMatch(t -> now.get(t) - dlqBefore.get(t) >= expected.get(t));
        });
        Map<String, Long> after = dlqCounts(ctx, groupsByTopic.keySet());
        for (Map.Entry<String, List<String>> e : groupsByTopic.entrySet()) {
            String topic = e.getKey();
            long want = expected.get(topic);
            long got = after.get(topic) - dlqBefore.get(topic);
            s.counts("poison " + topic + " (groups: " + String.join(", ", e.getValue()) + ")", perTopic, perTopic,
                    drained ? want : 0, got, Math.max(0, want - got), Math.max(0, got - want));
            rows.add(List.of(topic, String.join(", ", e.getValue()), String.valueOf(perTopic), String.valueOf(got)));
        }
        s.table(List.of("topic", "consumer groups", "poison written", "dead-lettered"), rows);
        s.line("The valid pilot registered after the poison reached spread's read model and the evaluations service: "
                + goodApplied + ".");
        return s;
    }

    /** Records in each topic's dead-letter topic ({@code <topic>.dlq}; none when it does not exist yet). */
    static Map<String, Long> dlqCounts(BenchContext ctx, java.util.Collection<String> topics) {
        Map<String, List<ConsumerRecord<String, String>>> read = ctx.readAll(topics.stream().map(t -> t + ".dlq").toList());
        Map<String, Long> out = new TreeMap<>();
        topics.forEach(t -> out.put(t, (long) read.get(t + ".dlq").size()));
        return out;
    }
}
