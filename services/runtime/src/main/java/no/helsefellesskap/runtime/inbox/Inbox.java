package no.helsefellesskap.runtime.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import no.helsefellesskap.runtime.data.Db;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.IncomingEvent;

/**
 * Idempotent consumption. Call inside the consumer's transaction before its effect: the event id is recorded in
 * that transaction, so a redelivered event finds it and changes nothing, and a rolled-back effect leaves no mark.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    Db db;

    /** @return true the first time this consumer sees the event, false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        int inserted = db.update("""
                        insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing""", consumer, event.id(), event.type());
        return inserted == 1;
    }

    /**
     * {@link #firstDelivery} for many events in one statement (a replay).
     *
     * @return the ids of the events this consumer had not seen (an id twice in the list is returned once)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<String> firstDeliveries(String consumer, java.util.List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return java.util.Set.of();
        }
        String[] ids = events.stream().map(IncomingEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(IncomingEvent::type).toArray(String[]::new);
        return new java.util.HashSet<>(db.list("""
                insert into inbox_event (consumer, event_id, event_type)
                select ?, i, t from unnest(cast(? as text[]), cast(? as text[])) x(i, t)
                on conflict do nothing returning event_id""", rs -> rs.getString(1), consumer, ids, types));
    }
}
