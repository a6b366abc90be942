package no.helsefellesskap.model.codes;

import java.util.List;

/** How competence for a task is documented, step by step (e.g. the Røyken model, a local fullmakt). */
public record SignOffScheme(String code, String nameNb, String nameEn, List<String> steps, String repetitions,
                            Double courseHours, boolean validOnlyInIssuingUnit, boolean recurring, boolean certificate,
                            String source) {
}
