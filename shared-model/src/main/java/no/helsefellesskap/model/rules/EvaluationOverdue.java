package no.helsefellesskap.model.rules;

import java.time.LocalDate;

/**
 * When a pilot's evaluation is overdue: it COMPLETED more than {@code months} months ago and has no published
 * evaluation. One rule for every service that shows it (evaluations' API and announcements, spread's dashboard), so
 * they agree at any moment; the months come from the one setting {@code programme.evaluation-overdue-after-months}.
 */
public record EvaluationOverdue(int months) {

    public static final String SETTING = "programme.evaluation-overdue-after-months";

    public EvaluationOverdue {
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
    }

    /** A pilot completed before this day, and still without a published evaluation, is overdue today. */
    public LocalDate completedBefore(LocalDate today) {
        return today.minusMonths(months);
    }

    public boolean isOverdue(String status, LocalDate completedOn, boolean hasPublishedEvaluation, LocalDate today) {
        return "COMPLETED".equals(status) && completedOn != null && completedOn.isBefore(completedBefore(today))
                && !hasPublishedEvaluation;
    }
}
