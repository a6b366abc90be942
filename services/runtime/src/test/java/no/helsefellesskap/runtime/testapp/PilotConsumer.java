package no.helsefellesskap.runtime.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.runtime.messaging.EventConsumer;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer written the way every service writes one: inbox check and effect in one transaction. */
@ApplicationScoped
public class PilotConsumer extends EventConsumer {

    @Inject
    EntityManager em;

    /** A "flaky ..." pilot fails this many times as if the database were down (InboxAndDeadLetterTest). */
    public static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    public static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Override
    protected void handlers(Handlers on) {
        on.on(EventTypes.PILOT_REGISTERED, (PilotRegistered p, IncomingEvent e) -> seen(p));
    }

    @Incoming("pilots")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        accept(record);
    }

    void seen(PilotRegistered p) {
        if (p.title().startsWith("flaky ")) {
            ATTEMPTS.incrementAndGet();
            if (FAILURES_LEFT.getAndDecrement() > 0) {
                throw new IllegalStateException("simulated", new SQLTransientConnectionException("database restarting"));
            }
        }
        PilotSeen seen = em.find(PilotSeen.class, p.pilotId());
        if (seen == null) {
            seen = new PilotSeen();
            seen.pilotId = p.pilotId();
            seen.title = p.title();
            em.persist(seen);
        }
        seen.deliveries++; // a non-idempotent effect on purpose: the inbox must keep it at 1
    }
}
