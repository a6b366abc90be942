package no.helsefellesskap.spread.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.opentelemetry.api.trace.SpanKind;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.observability.Traces;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.PoisonEventException;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.spread.data.EventApplied;
import no.helsefellesskap.spread.data.EventsApplied;
import no.helsefellesskap.spread.data.RecordsChanged;
import no.helsefellesskap.spread.data.Locks;

/**
 * One event into the read models, announced to the rest of spread ({@link EventApplied}: delivery puts feed
 * events in the feed in the same transaction). Live consumption and the rebuild both come through here; the inbox
 * (one consumer name per topic) makes the live path idempotent, and a rebuild records what it applied so the live
 * consumer does not apply it again afterwards.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    Inbox inbox;

    @Inject
    Projector projector;

    @Inject
    Event<EventApplied> announce;

    @Inject
    Event<RecordsChanged> recordsChanged;

    @Inject
    Event<EventsApplied> allApplied;

    @Inject
    Db db;

    @Inject
    Traces traces;

    public static String consumerName(String topic) {
        return "spread." + topic;
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public void live(String topic, IncomingEvent event) {
        db.lockShared(Locks.REBUILD);
        if (!inbox.firstDelivery(consumerName(topic), event)) {
            return;
        }
        projector.apply(event).ifPresent(changed -> {
            projector.counted(1, event.time());
            recordsChanged.fire(changed);
        });
        announce.fire(new EventApplied(event));
        allApplied.fire(EventsApplied.NOW);
    }

    /**
     * A poll's events of one topic in one transaction, in their order: one statement for their inbox rows, one commit
     * for all. The dashboard's rows are brought up to date once per record the events changed, at the end and in a
     * fixed order (fewer recomputations; two channels' polls that still meet in opposite lock order are a deadlock
     * PostgreSQL breaks, and the poll is applied again, as while the database is unavailable). Any failure
     * rolls all of it back; the caller then applies the events one by one ({@link #live(String, IncomingEvent)}), so
     * that only a poison event goes to the dead letters.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void live(String topic, List<IncomingEvent> events) {
        db.lockShared(Locks.REBUILD);
        Set<String> fresh = new HashSet<>(inbox.firstDeliveries(consumerName(topic), events));
        Set<RecordsChanged> changes = new java.util.TreeSet<>(java.util.Comparator
                .comparing(RecordsChanged::kind).thenComparing(c -> String.valueOf(c.id())));
        long counted = 0;
        java.time.Instant latest = null;
        for (IncomingEvent event : events) {
            if (!fresh.remove(event.id())) {
                continue;
            }
            Optional<RecordsChanged> changed = traces.call("spread consume " + event.type(), SpanKind.CONSUMER,
                    event.traceparent(), () -> {
                        Optional<RecordsChanged> c = projector.apply(event);
                        announce.fire(new EventApplied(event));
                        return c;
                    });
            if (changed.isPresent()) {
                changes.add(changed.get());
                counted++;
                latest = latest == null || (event.time() != null && event.time().isAfter(latest)) ? event.time() : latest;
            }
        }
        if (counted > 0) {
            projector.counted(counted, latest);
        }
        changes.forEach(recordsChanged::fire);
        allApplied.fire(EventsApplied.NOW);
    }

    /** What a replay of some records applied. */
    public record Replayed(long events, long counted, long poison, java.time.Instant latest) {
    }

    /**
     * Applies the events whether or not they were seen before: the read models were emptied. Their statements are
     * sent in batches ({@link StatementBatch}), their inbox rows in one statement. The feed is not emptied: an event
     * the inbox already holds was put in the feed when it was first applied, so only a new one is published, after
     * the statements before it are sent (the feed reads what they wrote). The dashboard's rows are recomputed once
     * at the end of the rebuild, not per event.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public Replayed replay(String topic, List<ConsumerRecord<String, String>> records) {
        List<IncomingEvent> events = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long poison = 0;
        for (ConsumerRecord<String, String> r : records) {
            try {
                events.add(IncomingEvent.of(r));
                keys.add(r.key());
            } catch (PoisonEventException e) {
                poison++; // went to the dead-letter topic when it was consumed live
            }
        }
        Set<String> fresh = new HashSet<>(inbox.firstDeliveries(consumerName(topic), events));
        StatementBatch batch = new StatementBatch();
        long applied = 0;
        long counted = 0;
        java.time.Instant latest = null;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            try {
                if (projector.apply(event, batch.forKey(keys.get(i))).isPresent()) {
                    counted++;
                    latest = latest == null || (event.time() != null && event.time().isAfter(latest))
                            ? event.time() : latest;
                }
                applied++;
            } catch (PoisonEventException e) {
                poison++;
                continue;
            }
            if (fresh.remove(event.id())) {
                batch.flush(db);
                announce.fire(new EventApplied(event));
            }
        }
        batch.flush(db);
        allApplied.fire(EventsApplied.NOW);
        return new Replayed(applied, counted, poison, latest);
    }
}
