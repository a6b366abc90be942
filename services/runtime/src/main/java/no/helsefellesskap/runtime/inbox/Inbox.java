package no.helsefellesskap.runtime.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.IncomingEvent;

/**
 * Idempotent consumption. Call inside the consumer's transaction before its effect: the event id is recorded in
 * that transaction, so a redelivered event finds it and changes nothing, and a rolled-back effect leaves no mark.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** @return true the first time this consumer sees the event, false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
