package no.helsefellesskap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client that times each exchange and never throws for an HTTP status. */
public final class Http {

    /** One answer: status (0 when no answer came), content type, body, and the time from send to full answer. */
    public record Reply(int status, String contentType, String body, long nanos, String error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public double millis() {
            return nanos / 1e6;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
    }

    /** For a stream (SSE): the status and content type only; the body is closed unread. */
    public Reply head(String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "text/event-stream");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            String body = null;
            if (r.statusCode() != 200) {
                body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            }
            r.body().close();
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), body, System.nanoTime() - t0, null);
        } catch (IOException e) {
            return new Reply(0, null, null, System.nanoTime() - t0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, 0, "interrupted");
        }
    }

    public Reply send(String method, String url, String authorization, String body) {
        return send(method, url, authorization, body, "application/json");
    }

    public Reply send(String method, String url, String authorization, String body, String contentType) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            return new Reply(0, null, null, 0, "bad url: " + e.getMessage());
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        if (body != null && contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, publisher);
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    System.nanoTime() - t0, null);
        } catch (IOException e) {
            return new Reply(0, null, null, System.nanoTime() - t0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, System.nanoTime() - t0, "interrupted");
        }
    }
}
