package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** An evaluator opened a draft evaluation of a known pilot. */
public record EvaluationDrafted(UUID evaluationId, UUID pilotId, String evaluatorOrgnr, String design,
                                Instant draftedAt) {
}
