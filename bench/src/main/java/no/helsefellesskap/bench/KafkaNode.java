package no.helsefellesskap.bench;

import no.helsefellesskap.infra.EmbeddedKafka;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The suite's Kafka broker in its own JVM, so the survival runs can kill it with SIGKILL (a crash, not a controlled
 * shutdown) and start it again on the same data. {@link #main} is that JVM.
 */
public final class KafkaNode implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Map<String, String> overrides;
    private final String javaOptions;
    private Process process;

    public KafkaNode(Path dataDir, int port, Path log, Map<String, String> overrides, String javaOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.overrides = Map.copyOf(overrides);
        this.javaOptions = javaOptions;
    }

    /** Arguments: data folder, port, controller port, then broker settings as key=value. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            overrides.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        new EmbeddedKafka(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), overrides).start();
        System.out.println("kafka ready on " + args[1]);
        Thread.currentThread().join();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it listens. */
    public synchronized KafkaNode start() throws IOException {
        return launch().awaitListening();
    }

    /** Starts the broker's JVM without waiting, so that other parts can start meanwhile. */
    public synchronized KafkaNode launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(javaOptions.split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                KafkaNode.class.getName(), dataDir.toString(), String.valueOf(port), String.valueOf(port + 1)));
        overrides.forEach((k, v) -> cmd.add(k + "=" + v));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    public synchronized KafkaNode awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + log);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException e) {
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka not listening within 90 s; see " + log);
    }

    /** SIGKILL: the broker gets no chance to flush or deregister. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
