package no.helsefellesskap.runtime.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.runtime.outbox.Outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stand-in for a service: a change and its event, written together. */
@ApplicationScoped
public class WidgetService {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional
    public UUID create(String title, boolean failAfterEmit) {
        Widget w = new Widget();
        w.id = UUID.randomUUID();
        w.title = title;
        em.persist(w);
        outbox.emit(EventTypes.PILOT_REGISTERED, w.id,
                new PilotRegistered(w.id, title, "983971636", "PLANNED", Instant.now(), null, null, List.of(), List.of(),
                        List.of(), null, List.of(), List.of(), List.of(), null, null, null));
        em.flush();
        if (failAfterEmit) {
            throw new IllegalStateException("forced failure after the event was written");
        }
        return w.id;
    }
}
