package no.helsefellesskap.model.events;

/**
 * One outcome of a published evaluation, as subscribers see it: numbers (baseline and result) or a qualitative
 * statement, with the source it comes from. Aggregates about a service, never about a person.
 */
public record OutcomeReported(String dimension, @Nullable String metric, @Nullable String unit,
                              @Nullable Double baselineValue, @Nullable Double resultValue, @Nullable String direction,
                              @Nullable String qualitativeStatement, @Nullable String source) {
}
