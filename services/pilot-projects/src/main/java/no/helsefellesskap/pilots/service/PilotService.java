package no.helsefellesskap.pilots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PilotService {

    @Inject
    Outbox outbox;

    /** Registers a pilot in status PLANNED and records {@code pilot.registered} in the same transaction. */
    @Transactional
    public Pilot register(String title, String ownerOrgnr) {
        Pilot p = new Pilot();
        p.id = UUID.randomUUID();
        p.title = title.strip();
        p.ownerOrgnr = ownerOrgnr;
        p.status = Pilot.Status.PLANNED;
        p.registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.persist();
        outbox.emit(EventTypes.PILOT_REGISTERED, p.id,
                new PilotRegistered(p.id, p.title, p.ownerOrgnr, p.status.name(), p.registeredAt));
        return p;
    }

    public Pilot get(UUID id) {
        Pilot p = Pilot.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Pilot", id);
        }
        return p;
    }

    public List<Pilot> list(String ownerOrgnr) {
        return ownerOrgnr == null ? Pilot.listAll() : Pilot.list("ownerOrgnr", ownerOrgnr);
    }
}
