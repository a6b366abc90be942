package no.helsefellesskap.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A single-node KRaft broker running in this JVM (broker and controller in one). Its version equals the
 * kafka-clients of the Quarkus BOM. The data folder survives {@link #stop()}, so it can be started again
 * with the same topics: that is how tests take the broker away and bring it back.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final List<String> formatArgs;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, Map.of());
    }

    /** With broker settings that replace or add to the defaults below (the benchmark smoke's short timeouts). */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
        this(dataDir, port, controllerPort, overrides, List.of());
    }

    /** With arguments for formatting the storage too, e.g. {@code --add-scram} to create SASL/SCRAM users. */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort, Map<String, String> overrides,
                         List<String> formatArgs) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
        this.formatArgs = List.copyOf(formatArgs);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        try {
            Path logDir = dataDir.resolve("logs");
            Files.createDirectories(logDir);
            Properties props = serverProperties(logDir);
            Path config = dataDir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(w, "single-node KRaft broker, written by EmbeddedKafka");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString(), "--ignore-formatted"));
                args.addAll(formatArgs);
                int rc = StorageTool.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
                if (rc != 0) {
                    throw new IllegalStateException("Kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
                }
            }
            KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            try {
                s.startup();
            } catch (RuntimeException e) {
                // a port taken meanwhile: release what did start, so the caller can try other ports
                s.shutdown();
                throw e;
            }
            server = s;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties serverProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", "1");
        // the topics are the history spread's read models are rebuilt from: kept, not aged out after Kafka's 7 days
        p.put("log.retention.ms", "-1");
        // idle cost: the controller appends a no-op record every 500 ms by default
        p.put("metadata.max.idle.interval.ms", "5000");
        p.putAll(overrides);
        return p;
    }
}
