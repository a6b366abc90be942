package no.helsefellesskap.infra.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber's webhook endpoint for tests. It verifies every request with the Standard Webhooks reference library
 * (com.standardwebhooks), not with the sender's code, and answers with the status the test sets.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String webhookId, String timestamp, String signature, String body, boolean verified, int answered,
                          String traceparent) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String eventId() {
            return json().path("eventId").asText();
        }

        public String type() {
            return json().path("type").asText();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> stalledOnce = ConcurrentHashMap.newKeySet();
    public volatile int status = 200;
    public volatile String secret;
    /** When set, the first request of each webhook-id is held this long before answering (the sender times out). */
    public volatile long stallFirstMillis;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
            String id = first(headers, "webhook-id");
            boolean verified = verify(secret, body, headers);
            boolean stalled = stallFirstMillis > 0 && stalledOnce.add(id);
            if (stalled) {
                try {
                    Thread.sleep(stallFirstMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answer = verified ? status : 401;
            // a stalled answer comes after the sender gave up: recorded as 0, unacknowledged
            requests.add(new Request(id, first(headers, "webhook-timestamp"), first(headers, "webhook-signature"), body,
                    verified, stalled ? 0 : answer, first(headers, "traceparent")));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public static boolean verify(String secret, String body, Map<String, List<String>> headers) {
        try {
            new Webhook(secret).verify(body, headers);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered 2xx, in arrival order. */
    public List<Request> accepted() {
        return requests.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    private static String first(Map<String, List<String>> h, String name) {
        List<String> v = h.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
