package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An evaluation was published. {@code modelId}/{@code modelVersion} are set when the pilot followed a model. The
 * outcomes, their dimensions and the freed-time totals are aggregates (absent in events written before they existed).
 */
public record EvaluationPublished(UUID evaluationId, UUID pilotId, @Nullable UUID modelId,
                                  @Nullable Integer modelVersion, String recommendation, String evidenceLevel,
                                  Instant publishedAt, @Nullable List<String> outcomeDimensions,
                                  @Nullable List<FreedTimeScenario> freedTime,
                                  @Nullable List<OutcomeReported> outcomes) {
}
