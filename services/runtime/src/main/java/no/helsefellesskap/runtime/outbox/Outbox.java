package no.helsefellesskap.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.runtime.tx.AfterCommit;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It is published by {@link OutboxRelay} only if that transaction
 * commits, and the relay is woken as soon as it has.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /** @return the event id, which becomes the CloudEvents {@code id} */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID emit(EventType type, Object aggregateId, Record payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.aggregateType = type.aggregateType();
        e.aggregateId = String.valueOf(aggregateId);
        e.type = type.type();
        e.timestamp = Instant.now();
        e.topic = type.topic();
        e.source = type.source();
        try {
            e.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise " + type.type(), ex);
        }
        // Last line of defence: no person identifier may leave a service in an event.
        List<String> personal = PersonalDataGuard.findings(e.payload);
        if (!personal.isEmpty()) {
            throw new IllegalStateException(type.type() + " would carry personal data: " + personal);
        }
        em.persist(e);
        wakeRelayAfterCommit();
        return e.id;
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.run(transactions, WAKE_REGISTERED, relay::wake);
    }
}
