package no.helsefellesskap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.helsefellesskap.infra.DevKeys;
import no.helsefellesskap.infra.EmbeddedPostgresServer;
import no.helsefellesskap.infra.Tokens;
import no.helsefellesskap.local.Suite;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One running suite for the benchmarks: PostgreSQL (embedded), the Kafka broker in its own JVM ({@link KafkaNode}),
 * the five services as child JVMs with production settings, a webhook receiver, and signed tokens for the personas.
 */
public final class BenchContext implements AutoCloseable {

    public static final String AHUS = "983971636";
    public static final String LORENSKOG = "842566142";
    /** A valid organisation number that owns nothing in the suite. */
    public static final String STRANGER = "876543214";
    public static final List<String> TOPICS = List.of("pilots", "evaluations", "model-evidence", "tasks", "models",
            "personnel-groups", "competences", "competence-profiles", "organisations", "partnerships", "adoptions");

    static final String SMOKE_JAVA_OPTS = Suite.QUICK_START_JAVA_OPTS
            + " -Dmp.messaging.connector.smallrye-kafka.auto.commit.interval.ms=100"
            + " -Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=2000"
            + " -Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=600";
    /**
     * The smoke's broker notices a dead consumer or a dead broker of its own sooner: a restarted broker is refused
     * until its previous registration has timed out (9 s by default), and a restarted consumer's group waits for the
     * killed member's session (10 s in the services) before it rebalances.
     */
    static final Map<String, String> SMOKE_BROKER = Map.of("broker.session.timeout.ms", "1500",
            "broker.heartbeat.interval.ms", "300", "group.min.session.timeout.ms", "1000");

    static final String BROKER_JAVA_OPTS = "-Xmx512m -XX:+UseSerialGC";
    /** The smoke's broker JVM: C1 only, for a quicker start (it is killed and started again in a survival run). */
    static final String SMOKE_BROKER_JAVA_OPTS = BROKER_JAVA_OPTS + " -XX:TieredStopAtLevel=1";

    public final Path root;
    public final Path dataDir;
    public final int portOffset;
    public final boolean smoke;
    public final int repeats;
    public final ObjectMapper json = new ObjectMapper();
    public final Http http = new Http(Duration.ofSeconds(30));
    public final Receiver receiver;
    public final String runId = UUID.randomUUID().toString().substring(0, 8);
    public int scalePilots = 100_000;
    public int rebuildRuns = 3;
    public int rebuildBudgetMinutes = 30;
    /** The scenarios run in this suite so far, in order. */
    public final List<String> ran = new ArrayList<>();
    private final KafkaNode kafka;
    private final Map<String, String> serviceEnv;

    /** How often the services' retention looks for old rows in this run. */
    public String retentionInterval() {
        return serviceEnv.getOrDefault("SUITE_RETENTION_INTERVAL", "5 min");
    }
    private final Suite suite;

    public BenchContext(Path root, int portOffset, boolean smoke, int repeats) throws IOException {
        this(root, portOffset, smoke, repeats, true);
    }

    /** @param fastRetention the retention looks every 10 s (5 s at smoke size) instead of the run command's 5 min */
    public BenchContext(Path root, int portOffset, boolean smoke, int repeats, boolean fastRetention) throws IOException {
        this.root = root;
        this.portOffset = portOffset;
        this.smoke = smoke;
        this.repeats = repeats;
        this.dataDir = root.resolve("bench/target/suite-" + portOffset);
        Suite.deleteTree(dataDir);
        Files.createDirectories(dataDir.resolve("logs"));
        // the broker's JVM starts beside PostgreSQL and the services (which start while Kafka is down, and connect
        // once it listens)
        kafka = new KafkaNode(dataDir.resolve("kafka"), 19092 + portOffset, dataDir.resolve("logs/kafka.log"),
                smoke ? SMOKE_BROKER : Map.of(), smoke ? SMOKE_BROKER_JAVA_OPTS : BROKER_JAVA_OPTS).launch();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (smoke) {
            // the smoke checks the harness, not the figures: the launcher's quick-start JVMs (C1 only), consumer
            // offsets committed every 0.1 s instead of 5 s (the harness waits for zero lag, which it reads from the
            // committed offsets), 2 s consumer sessions instead of 10, and webhook retries from 0.3 s apart
            // instead of the production 30 s; PostgreSQL without fsync
            env.put("SUITE_SERVICE_JAVA_OPTS", SMOKE_JAVA_OPTS);
            env.put("SPREAD_WEBHOOK_INITIAL_BACKOFF", "300ms");
            // a throwaway database: no fsync (the write scenario's pgbench runs against the same server)
            env.put("SUITE_POSTGRES_DURABLE", "false");
            env.put("SUITE_AOT", "false"); // no cache to write at every stop of a toy run
        } else if (System.getenv("BENCH_SERVICE_JAVA_OPTS") != null) {
            env.put("SUITE_SERVICE_JAVA_OPTS", System.getenv("BENCH_SERVICE_JAVA_OPTS"));
        }
        // otherwise the run command's own JVMs and options: the goals hold for ./run-suite
        // for old-rows the retention looks every 10 s instead of 5 min, so it times the work, not the wait for the next
        // round; otherwise the run command's interval (a retention round every 10 s added to the idle cost)
        if (fastRetention) {
            env.put("SUITE_RETENTION_INTERVAL", smoke ? "5s" : "10s");
        }
        this.serviceEnv = Map.copyOf(env);
        suite = new Suite(new Suite.Options(root, dataDir, portOffset, false, Duration.ofMinutes(5), env)); // dataDir was emptied above
        try {
            long t0 = System.nanoTime();
            suite.start();
            kafka.awaitListening();
            Bench.progress("start", "every service ready", t0);
            receiver = new Receiver();
            // a fresh spread learns the partnerships from their topic seconds after it is ready; until then a
            // subscription filter naming one is refused as unknown
            if (!await(Duration.ofSeconds(60), () -> String.valueOf(http.send("GET", url("spread", "/api/dashboard"),
                    admin(), null).body()).contains("\"HFS-AHUS\""))) {
                throw new IllegalStateException("spread did not learn the partnerships within 60 s");
            }
            Bench.progress("start", "spread knows the partnerships", t0);
            task(); // before any scenario stops Kafka: pilot-projects must have learnt the pilots' task
            Bench.progress("start", "pilot-projects knows the bench's task", t0);
            Bench.recordPostgresVersion(this);
        } catch (RuntimeException | IOException e) {
            boolean brokerDied = !kafka.handle().isAlive(); // services wait for a broker that is not coming
            suite.close();
            kafka.close();
            if (brokerDied) {
                throw new IllegalStateException("the Kafka broker exited; see " + dataDir.resolve("logs/kafka.log"), e);
            }
            throw e;
        }
    }

    public Suite suite() {
        return suite;
    }

    /** The services' JVM, as the launcher chose it. */
    public String serviceJvm() {
        return Suite.serviceJvm(serviceEnv);
    }

    /** The services' JVM options, in Markdown. */
    public String serviceJavaOpts() {
        String opts = serviceEnv.get("SUITE_SERVICE_JAVA_OPTS");
        return opts != null ? "`" + opts + "`" : "`" + Suite.QUICK_START_JAVA_OPTS + "` (the run command's default)";
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public String url(String service, String path) {
        return "http://127.0.0.1:" + suite.ports().get(service) + path;
    }

    // --- personas -----------------------------------------------------------------------------------------------

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A persona's token, signed once and sent with every request for the run (valid 6 h), as a real client does
     * with an access token; signing one per request cost the bench's own CPU on the same two cores.
     */
    public String bearer(String orgnr, String... roles) {
        return tokens.computeIfAbsent(orgnr + "|" + String.join(",", roles), k -> "Bearer "
                + Tokens.sign(suite.keys().privateKey(), "bench-client", orgnr, List.of(roles), Duration.ofHours(6)));
    }

    public String expired(String orgnr, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(3));
        return "Bearer " + Tokens.sign(suite.keys().privateKey(), "bench-client", orgnr, List.of(roles), past,
                past.plus(Duration.ofMinutes(30)));
    }

    /** A key the services do not trust; one per run (generating an RSA key takes longer than a request). */
    private final DevKeys untrusted = DevKeys.generate();

    public String forged(String orgnr, String... roles) {
        return "Bearer " + Tokens.sign(untrusted.privateKey(), "bench-client", orgnr, List.of(roles),
                Duration.ofHours(6));
    }

    public String ahus() {
        return bearer(AHUS, "registrar", "evaluator", "subscriber");
    }

    public String lorenskog() {
        return bearer(LORENSKOG, "registrar", "evaluator", "subscriber");
    }

    public String admin() {
        return bearer(null, "programme-admin");
    }

    // --- domain shortcuts -----------------------------------------------------------------------------------------

    private String task;

    /**
     * The catalogue task the bench's pilots name, registered once per run; pilot-projects refuses a task it has not
     * learnt from the tasks topic, so this waits until the suite is quiet.
     */
    public synchronized String task() {
        if (task == null) {
            Http.Reply r = http.send("POST", url("task-catalogue", "/api/tasks"), ahus(),
                    "{\"nameNb\":\"Bench oppgave " + runId + "\",\"category\":\"DOCUMENTATION\",\"currentPerformerGroups\":[\"LE\"]}");
            if (!r.ok()) {
                throw new IllegalStateException("bench task: " + r.status() + " " + r.body());
            }
            task = tree(r.body()).path("id").asText();
            settle();
            // a consumer not yet given its partitions has no committed offset, so a zero-lag wait can pass before it
            // has read the record (pilot-projects' group joined 8 s after the task was sent in one run): ask its table
            String id = task;
            if (!await(Duration.ofSeconds(60), () -> knownToPilotProjects(id))) {
                throw new IllegalStateException("pilot-projects did not learn the bench's task within 60 s");
            }
        }
        return task;
    }

    private boolean knownToPilotProjects(String taskId) {
        try (Connection c = jdbc(); java.sql.PreparedStatement st = c.prepareStatement(
                "select 1 from pilot_projects.known_task where task_id = cast(? as uuid)")) {
            st.setString(1, taskId);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    public String pilotBody(String title) {
        return "{\"title\":\"" + title + "\",\"ownerOrgnr\":\"" + AHUS + "\",\"taskIds\":[\"" + task()
                + "\"],\"toGroups\":[\"PORTOR\"],\"fromGroups\":[\"SP\"],\"priorityGroups\":[]}";
    }

    public Http.Reply registerPilot(String title) {
        return http.send("POST", url("pilot-projects", "/api/pilots"), ahus(), pilotBody(title));
    }

    public JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    /** A subscription of Lørenskog with its webhook at the receiver under {@code key}; returns its id. */
    public String subscribe(String key, String filtersJson) {
        String body = "{\"name\":\"bench " + key + "\",\"filters\":" + filtersJson + ",\"webhookUrl\":\""
                + receiver.url(key) + "\"}";
        Http.Reply r = http.send("POST", url("spread", "/api/subscriptions"), lorenskog(), body);
        if (r.status() != 201) {
            throw new IllegalStateException("subscription refused: " + r.status() + " " + r.body());
        }
        JsonNode n = tree(r.body());
        receiver.secret(key, n.path("secret").asText());
        return n.path("id").asText();
    }

    public void unsubscribe(String id) {
        http.send("DELETE", url("spread", "/api/subscriptions/" + id), lorenskog(), null);
    }

    /**
     * Waits until every event written is published and every consumer has committed past it: no unsent outbox row
     * in any service, then no lag, then still no unsent row (what a consumer applied may have written new events).
     */
    public boolean settle() {
        return settle(Duration.ofSeconds(60));
    }

    public boolean settle(Duration within) {
        return await(within, () -> unsentOutboxRows() == 0 && totalLag() == 0 && unsentOutboxRows() == 0);
    }

    static final List<String> SCHEMAS = List.of("spread", "pilot_projects", "evaluations", "task_catalogue", "competence_registry");

    /** Outbox rows the relays have not yet sent, over every service's schema. */
    public long unsentOutboxRows() {
        StringBuilder sql = new StringBuilder("select 0");
        try (Connection c = jdbc(); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("select table_schema from information_schema.tables where "
                    + "table_name = 'outbox_event' and table_schema in ('" + String.join("','", SCHEMAS) + "')")) {
                while (rs.next()) {
                    sql.append(" + (select count(*) from ").append(rs.getString(1)).append(".outbox_event where sent_at is null)");
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery(sql.toString())) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Webhook deliveries spread would send now (a queue's head, due): what a scenario's own would wait behind. */
    public long dueDeliveries() {
        try (Connection c = jdbc(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select count(*) from spread.delivery "
                     + "where state = 'PENDING' and ready and next_attempt_at <= now()")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds; false when it did not within the time. */
    public static boolean await(Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            KafkaNode.sleep(100);
        }
        return condition.getAsBoolean();
    }

    // --- Kafka ----------------------------------------------------------------------------------------------------

    public Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    /** One admin client for the run's many lag and offset reads; it reconnects by itself after a broker restart. */
    private Admin admin;

    synchronized Admin kafkaAdmin() {
        if (admin == null) {
            admin = Admin.create(kafkaProps());
        }
        return admin;
    }

    /** Every record of a topic from the start, value as text. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(List.of(topic)).get(topic);
    }

    /**
     * Every record of each topic from the start, read by one consumer; a topic that does not exist (a dead-letter
     * topic nothing was sent to) has none.
     */
    public Map<String, List<ConsumerRecord<String, String>>> readAll(java.util.Collection<String> topics) {
        Map<String, List<ConsumerRecord<String, String>>> out = new java.util.TreeMap<>();
        topics.forEach(t -> out.put(t, new ArrayList<>()));
        Properties p = kafkaProps();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            java.util.Set<String> existing = kafkaAdmin().listTopics().names().get();
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    c.partitionsFor(topic, Duration.ofSeconds(10)).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
                }
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(500)).forEach(r -> out.get(r.topic()).add(r));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> want = new HashMap<>();
            for (var d : kafkaAdmin().describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> want.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            return latest(want.keySet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, Long> latest(java.util.Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> want = new HashMap<>();
        partitions.forEach(tp -> want.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : kafkaAdmin().listOffsets(want).all().get().entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    /** Per consumer group and topic: how many records it has not yet committed past (one request per kind). */
    public Map<String, Long> lagByGroupAndTopic() {
        try {
            Map<String, org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
            kafkaAdmin().listConsumerGroups().all().get().forEach(g -> specs.put(g.groupId(),
                    new org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec()));
            if (specs.isEmpty()) {
                return Map.of();
            }
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = kafkaAdmin().listConsumerGroupOffsets(specs).all().get();
            java.util.Set<TopicPartition> partitions = new java.util.HashSet<>();
            committed.values().forEach(m -> partitions.addAll(m.keySet()));
            Map<TopicPartition, Long> ends = latest(partitions);
            Map<String, Long> lag = new HashMap<>();
            committed.forEach((group, offsets) -> offsets.forEach((tp, om) -> lag.merge(group + " " + tp.topic(),
                    ends.get(tp) - (om == null ? 0 : om.offset()), Long::sum)));
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which consumer groups read each topic, from their members' assignments (also before any commit). */
    public Map<String, List<String>> consumerGroupsByTopic() {
        try {
            List<String> groups = kafkaAdmin().listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
            Map<String, List<String>> out = new java.util.TreeMap<>();
            kafkaAdmin().describeConsumerGroups(groups).all().get().forEach((g, d) -> d.members().forEach(m ->
                    m.assignment().topicPartitions().forEach(tp -> {
                        List<String> l = out.computeIfAbsent(tp.topic(), x -> new ArrayList<>());
                        if (!l.contains(g)) {
                            l.add(g);
                        }
                    })));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public long totalLag() {
        return lagByGroupAndTopic().values().stream().mapToLong(Long::longValue).sum();
    }

    // --- PostgreSQL (measurement and verification only; the services never read each other's schemas) -----------

    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(suite.jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }

    public int postgresPort() {
        return Integer.parseInt(suite.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        receiver.close();
        if (smoke) {
            // the smoke's suite is thrown away (its data folder is emptied by the next run), so it is not stopped
            // gracefully: that took seconds per service
            for (String service : suite.ports().keySet()) {
                try {
                    suite.kill(service);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                kafka.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        suite.close();
        kafka.close();
    }
}
