package no.helsefellesskap.evaluations.domain;

import no.helsefellesskap.model.events.OutcomeReported;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an outcome must hold beyond its codes: numbers (with metric and unit) or words, and a bounded series of
 * measurements and annotations, so that an evaluation.published event stays far below Kafka's 1 MB record limit
 * (about 40 bytes a measurement, 600 an annotation).
 */
public final class OutcomeRules {

    public static final int MAX_MEASUREMENTS = 1000;
    public static final int MAX_ANNOTATIONS = 100;
    public static final int MAX_ANNOTATION_LENGTH = 500;

    private OutcomeRules() {
    }

    /** Each refused value by its field below {@code at} (such as {@code outcomes[0].series[3].value}). */
    public static Map<String, String> problems(Evaluation.Outcome o, String at) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (o.dimension() == null) {
            problems.put(at + ".dimension", "is required");
        }
        boolean numbers = o.resultValue() != null || o.series() != null && !o.series().isEmpty();
        boolean words = o.qualitativeStatement() != null && !o.qualitativeStatement().isBlank();
        if (!numbers && !words) {
            problems.put(at + ".resultValue", "an outcome has a result value, a series of measurements or a qualitative statement");
        }
        if (numbers && (o.metric() == null || o.unit() == null)) {
            problems.put(at + ".metric", "a numeric outcome names its metric and unit");
        }
        List<OutcomeReported.Measurement> series = o.series();
        if (series != null) {
            if (series.size() > MAX_MEASUREMENTS) {
                problems.put(at + ".series", "has more than " + MAX_MEASUREMENTS + " measurements");
            } else {
                for (int i = 0; i < series.size(); i++) {
                    OutcomeReported.Measurement m = series.get(i);
                    String f = at + ".series[" + i + "]";
                    if (m == null) {
                        problems.put(f, "must not be null");
                    } else if (m.on() == null) {
                        problems.put(f + ".on", "is required (the date the measurement is for)");
                    } else if (m.value() == null || !Double.isFinite(m.value())) {
                        problems.put(f + ".value", "is required and must be a finite number");
                    }
                }
            }
        }
        List<OutcomeReported.Annotation> notes = o.annotations();
        if (notes != null) {
            if (notes.size() > MAX_ANNOTATIONS) {
                problems.put(at + ".annotations", "has more than " + MAX_ANNOTATIONS + " annotations");
            } else {
                for (int i = 0; i < notes.size(); i++) {
                    OutcomeReported.Annotation a = notes.get(i);
                    String f = at + ".annotations[" + i + "]";
                    if (a == null) {
                        problems.put(f, "must not be null");
                    } else if (a.on() == null) {
                        problems.put(f + ".on", "is required (the date the change was made)");
                    } else if (a.text() == null || a.text().isBlank()) {
                        problems.put(f + ".text", "is required (what was changed)");
                    } else if (a.text().length() > MAX_ANNOTATION_LENGTH) {
                        problems.put(f + ".text", "is longer than " + MAX_ANNOTATION_LENGTH + " characters");
                    }
                }
            }
        }
        return problems;
    }
}
