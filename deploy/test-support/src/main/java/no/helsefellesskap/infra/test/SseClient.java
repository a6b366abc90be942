package no.helsefellesskap.infra.test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal text/event-stream client for tests, parsing the wire format itself (id, event, data). */
public final class SseClient implements AutoCloseable {

    /** {@code arrivedNanos}: {@link System#nanoTime()} when the event was complete (the bench measures latency). */
    public record Event(String id, String name, String data, long arrivedNanos) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final int status;
    private final InputStream body;
    private final Thread reader;

    public SseClient(String url, String authorization, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = r.statusCode();
        body = r.body();
        reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    continue;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    d = d.startsWith(" ") ? d.substring(1) : d;
                    data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
                }
            }
        } catch (Exception e) {
            // closed by the test
        }
    }

    public String lastId() {
        return events.isEmpty() ? null : events.get(events.size() - 1).id();
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
