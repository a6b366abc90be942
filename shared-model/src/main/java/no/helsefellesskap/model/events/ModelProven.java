package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A model version's published evaluations met the evidence rule; the task catalogue moves it to PROVEN. */
public record ModelProven(UUID modelId, int modelVersion, String evidenceRule, List<UUID> evaluationIds,
                          Instant provenAt) {
}
