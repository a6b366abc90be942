package no.helsefellesskap.model.events;

import java.time.LocalDate;
import java.util.List;

/**
 * One outcome of a published evaluation, as subscribers see it: numbers (baseline and result) or a qualitative
 * statement, with the source it comes from. Aggregates about a service, never about a person. {@code series}: the
 * outcome measured again and again (a run chart), in date order; {@code annotations}: the changes made along the way.
 */
public record OutcomeReported(String dimension, @Nullable String metric, @Nullable String unit,
                              @Nullable Double baselineValue, @Nullable Double resultValue, @Nullable String direction,
                              @Nullable String qualitativeStatement, @Nullable String source,
                              @Nullable List<Measurement> series, @Nullable List<Annotation> annotations) {

    /** One measurement of the outcome's metric, for a period ending on {@code on} (a week, a month). */
    public record Measurement(LocalDate on, Double value) {
    }

    /** A change made on {@code on} ("training of porters finished"), shown on the run chart where it happened. */
    public record Annotation(LocalDate on, String text) {
    }
}
