package no.helsefellesskap.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.evaluations.domain.Evaluation;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.model.events.EvaluationDrafted;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@ApplicationScoped
public class EvaluationService {

    @Inject
    Outbox outbox;

    @Transactional
    public Evaluation draft(UUID pilotId, String design, String evaluatorOrgnr) {
        if (KnownPilot.findById(pilotId) == null) {
            throw ProblemException.invalid("pilotId", "no pilot " + pilotId + " is known to the evaluations service");
        }
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.pilotId = pilotId;
        e.design = design;
        e.evaluatorOrgnr = evaluatorOrgnr;
        e.status = "DRAFT";
        e.draftedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.persist();
        outbox.emit(EventTypes.EVALUATION_DRAFTED, e.id,
                new EvaluationDrafted(e.id, e.pilotId, e.evaluatorOrgnr, e.design, e.draftedAt));
        return e;
    }

    public Evaluation get(UUID id) {
        Evaluation e = Evaluation.findById(id);
        if (e == null) {
            throw ProblemException.notFound("Evaluation", id);
        }
        return e;
    }

    public KnownPilot pilot(UUID id) {
        KnownPilot p = KnownPilot.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Pilot", id);
        }
        return p;
    }
}
