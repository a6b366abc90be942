package no.helsefellesskap.spread.delivery.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import no.helsefellesskap.runtime.problem.Problem;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.tx.Worker;
import no.helsefellesskap.spread.config.SpreadConfig;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.delivery.FeedItemAdded;

import java.sql.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-Sent Events from the feed. The SSE id is the item's sequence number, so a client that reconnects with
 * {@code Last-Event-ID} gets exactly the items after it: the backlog is sent before the connection joins the live
 * fan-out, and the fan-out starts after the connection's last id, so nothing is skipped or sent twice.
 */
@ApplicationScoped
public class StreamHub {

    private static final int BATCH = 500;

    record Item(long seq, String type, String body, Set<UUID> subscriptions, boolean sandbox) {
    }

    static final class Connection {
        final SseEventSink sink;
        final Sse sse;
        final UUID subscription;
        final String caller;
        final boolean includeSandbox;
        volatile long lastSeq;

        Connection(SseEventSink sink, Sse sse, UUID subscription, String caller, boolean includeSandbox, long lastSeq) {
            this.sink = sink;
            this.sse = sse;
            this.subscription = subscription;
            this.caller = caller;
            this.includeSandbox = includeSandbox;
            this.lastSeq = lastSeq;
        }

        boolean wants(Item i) {
            // the public stream leaves test and probe organisations' items out unless asked; a subscription's own
            // stream carries what its filters matched (those already decide about sandbox items)
            return subscription == null ? includeSandbox || !i.sandbox() : i.subscriptions().contains(subscription);
        }
    }

    @Inject
    Db db;

    @Inject
    SpreadConfig config;

    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private Worker fanOut;
    private long lastKeepAlive = System.nanoTime();

    void start(@Observes StartupEvent ev) {
        fanOut = Worker.start("sse-hub", config.stream().pollInterval(), config.stream().pollInterval(), this::round);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (fanOut != null) {
            fanOut.stop(Duration.ofSeconds(1));
        }
        connections.forEach(c -> c.sink.close());
    }

    /** Woken once the transaction that stored a feed item has committed (not before: it would find nothing). */
    void onItemAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedItemAdded added) {
        wake();
    }

    public void wake() {
        if (fanOut != null) {
            fanOut.wake();
        }
    }

    public int connections() {
        return connections.size();
    }

    /**
     * Sends what the client missed, then keeps it in the live fan-out. Without {@code Last-Event-ID} the stream
     * starts at the newest item.
     */
    public void open(SseEventSink sink, Sse sse, UUID subscription, String caller, boolean includeSandbox,
                     Long lastEventId) {
        reserve(caller);
        try {
            long last = lastEventId != null ? lastEventId
                    : db.one("select coalesce(max(seq), 0) from feed_item", rs -> rs.getLong(1)).orElse(0L);
            Connection c = new Connection(sink, sse, subscription, caller, includeSandbox, last);
            sink.send(sse.newEventBuilder().comment("stream of feed items after " + last).build());
            List<Item> batch;
            do {
                batch = after(c.lastSeq, subscription);
                for (Item i : batch) {
                    if (c.wants(i)) {
                        send(c, i);
                    } else {
                        c.lastSeq = i.seq();
                    }
                }
            } while (batch.size() == BATCH && !sink.isClosed());
            connections.add(c);
        } finally {
            release(caller);
        }
        wake();
    }

    /** Streams being opened, per caller, not yet in {@link #connections}. */
    private final Map<String, Integer> opening = new HashMap<>();

    /**
     * One caller (a token's subject in its organisation) holds at most {@code spread.stream.max-per-caller} streams:
     * each costs a connection and a share of every fan-out round, so one client cannot take them all.
     */
    private synchronized void reserve(String caller) {
        long open = connections.stream().filter(c -> caller.equals(c.caller) && !c.sink.isClosed()).count()
                + opening.getOrDefault(caller, 0);
        int max = config.stream().maxPerCaller();
        if (open >= max) {
            throw new ProblemException(Problem.of(429, "too-many-streams", "Too many streams",
                    "This caller already has " + open + " open streams, the most allowed (" + max + "); close one, or "
                            + "resume a closed one with Last-Event-ID", List.of()));
        }
        opening.merge(caller, 1, Integer::sum);
    }

    private synchronized void release(String caller) {
        opening.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Sends every open stream the items after its last one; again at once while a full batch came back. */
    private boolean round() {
        connections.removeIf(c -> c.sink.isClosed());
        if (connections.isEmpty()) {
            return false;
        }
        long from = connections.stream().mapToLong(c -> c.lastSeq).min().orElse(0);
        List<Item> items = after(from, null);
        for (Item i : items) {
            for (Connection c : connections) {
                if (i.seq() > c.lastSeq && c.wants(i)) {
                    send(c, i);
                } else if (i.seq() > c.lastSeq) {
                    c.lastSeq = i.seq();
                }
            }
        }
        if (System.nanoTime() - lastKeepAlive > config.stream().keepAlive().toNanos()) {
            connections.forEach(c -> c.sink.send(c.sse.newEventBuilder().comment("keep-alive").build())
                    .whenComplete((ok, err) -> {
                        if (err != null) {
                            close(c);
                        }
                    }));
            lastKeepAlive = System.nanoTime();
        }
        return items.size() == BATCH;
    }

    private void send(Connection c, Item i) {
        if (c.sink.isClosed()) {
            return;
        }
        OutboundSseEvent event = c.sse.newEventBuilder().id(Long.toString(i.seq())).name(i.type())
                .data(String.class, i.body()).reconnectDelay(3000).build();
        c.lastSeq = i.seq();
        c.sink.send(event).whenComplete((ok, err) -> {
            if (err != null) {
                close(c);
            }
        });
    }

    private void close(Connection c) {
        connections.remove(c);
        try {
            c.sink.close();
        } catch (RuntimeException ignored) {
            // already closed by the client
        }
    }

    private List<Item> after(long seq, UUID subscription) {
        return db.list("""
                select f.seq, f.type, f.body::text body,
                  coalesce((f.attributes->>'sandbox')::boolean, false) sandbox,
                  array(select d.subscription_id::text from delivery d where d.item_seq = f.seq) subs
                from feed_item f where f.seq > ?
                  and (cast(? as uuid) is null or exists (select 1 from delivery d where d.item_seq = f.seq
                    and d.subscription_id = cast(? as uuid)))
                order by f.seq limit ?""",
                rs -> new Item(rs.getLong("seq"), rs.getString("type"), rs.getString("body"), uuids(rs.getArray("subs")),
                        rs.getBoolean("sandbox")),
                seq, subscription, subscription, BATCH);
    }

    private static Set<UUID> uuids(Array a) throws java.sql.SQLException {
        List<UUID> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(UUID.fromString(o.toString()));
        }
        return Set.copyOf(out);
    }
}
