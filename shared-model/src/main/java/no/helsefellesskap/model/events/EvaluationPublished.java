package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.UUID;

/** An evaluation was published. {@code modelId}/{@code modelVersion} are set when the pilot followed a model. */
public record EvaluationPublished(UUID evaluationId, UUID pilotId, @Nullable UUID modelId,
                                  @Nullable Integer modelVersion, String recommendation, String evidenceLevel,
                                  Instant publishedAt) {
}
