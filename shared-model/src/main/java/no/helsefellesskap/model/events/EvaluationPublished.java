package no.helsefellesskap.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An evaluation was published. {@code modelId}/{@code modelVersion} are set when the pilot followed a model. The
 * outcomes, their dimensions and the freed-time totals are aggregates (absent in events written before they existed).
 * {@code publishedAt} is when it was published in the suite; {@code reportPublishedOn} when the report itself was
 * published, at {@code reportPublishedPrecision} (DAY, MONTH or YEAR; the date is the first day of its month or year),
 * with the {@code reportPublishedSource} that says so: null when the source does not give it (or in older events).
 */
public record EvaluationPublished(UUID evaluationId, UUID pilotId, @Nullable UUID modelId,
                                  @Nullable Integer modelVersion, String recommendation, String evidenceLevel,
                                  Instant publishedAt, @Nullable List<String> outcomeDimensions,
                                  @Nullable List<FreedTimeScenario> freedTime,
                                  @Nullable List<OutcomeReported> outcomes, @Nullable LocalDate reportPublishedOn,
                                  @Nullable String reportPublishedPrecision, @Nullable String reportPublishedSource) {
}
