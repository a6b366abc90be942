package no.helsefellesskap.model;

import no.helsefellesskap.model.rules.EvaluationOverdue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationOverdueTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void overdueOnlyWhenCompletedMoreThanTheMonthsAgoAndNotEvaluated() {
        EvaluationOverdue rule = new EvaluationOverdue(12);
        assertTrue(rule.isOverdue("COMPLETED", LocalDate.of(2025, 12, 5), false, TODAY));
        assertFalse(rule.isOverdue("COMPLETED", LocalDate.of(2025, 12, 6), false, TODAY), "exactly 12 months: not yet");
        assertFalse(rule.isOverdue("COMPLETED", LocalDate.of(2025, 12, 5), true, TODAY), "evaluated");
        assertFalse(rule.isOverdue("RUNNING", LocalDate.of(2020, 1, 1), false, TODAY), "not completed");
        assertFalse(rule.isOverdue("ABANDONED", LocalDate.of(2020, 1, 1), false, TODAY), "abandoned");
        assertFalse(rule.isOverdue("COMPLETED", null, false, TODAY));
        assertTrue(new EvaluationOverdue(0).isOverdue("COMPLETED", TODAY.minusDays(1), false, TODAY));
    }
}
