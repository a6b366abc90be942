package no.helsefellesskap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import no.helsefellesskap.infra.test.WebhookReceiver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Local webhook receivers on one port: {@code /hook/<key>}, one secret per key (a subscription). Every request is
 * verified as the tests' {@link WebhookReceiver} does (the Standard Webhooks reference library), but one port serves
 * a thousand subscriptions, keeps arrival times and can go down and up again. {@link #down()} closes the
 * port (connection refused, as a receiver that is down); {@link #up()} opens it again.
 */
public final class Receiver implements AutoCloseable {

    public record Delivery(String key, String webhookId, String eventId, String type, JsonNode body, String raw,
                           long arrivedNanos, boolean verified, int answered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong bodies = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong personal = new java.util.concurrent.atomic.AtomicLong();
    private final int port;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private HttpServer server;
    public volatile int status = 200;

    public Receiver() throws IOException {
        server = open(0);
        port = server.getAddress().getPort();
    }

    private HttpServer open(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 200);
        s.setExecutor(pool);
        s.createContext("/hook/", exchange -> {
            long at = System.nanoTime();
            String key = exchange.getRequestURI().getPath().substring("/hook/".length());
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.incrementAndGet();
            if (!no.helsefellesskap.model.PersonalDataGuard.findings(raw).isEmpty()) {
                personal.incrementAndGet();
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
            boolean verified = WebhookReceiver.verify(secrets.get(key), raw, headers);
            int answer = verified ? status : 401;
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                body = JSON.nullNode();
            }
            List<String> id = headers.get("webhook-id");
            deliveries.add(new Delivery(key, id == null ? null : id.get(0), body.path("eventId").asText(null),
                    body.path("type").asText(null), body, raw, at, verified, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        s.start();
        return s;
    }

    public String url(String key) {
        return "http://127.0.0.1:" + port + "/hook/" + key;
    }

    public void secret(String key, String secret) {
        secrets.put(key, secret);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> accepted() {
        return deliveries.stream().filter(d -> d.answered() >= 200 && d.answered() < 300).toList();
    }

    /** Every body received since start (clear() does not reset it), for the personal-data scan. */
    public long bodiesSeen() {
        return bodies.get();
    }

    public long personalDataFindings() {
        return personal.get();
    }

    public void clear() {
        deliveries.clear();
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() throws IOException {
        if (server == null) {
            server = open(port);
        }
    }

    @Override
    public synchronized void close() {
        down();
        pool.shutdownNow();
    }
}
