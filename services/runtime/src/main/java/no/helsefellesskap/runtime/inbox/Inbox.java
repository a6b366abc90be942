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
}
