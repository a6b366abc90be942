package no.helsefellesskap.evaluations;

import no.helsefellesskap.evaluations.domain.EvidenceRule;
import no.helsefellesskap.evaluations.domain.EvidenceRule.Candidate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence rule as plain code. */
class EvidenceRuleTest {

    static final List<String> LEVELS = List.of("NOT_EVALUATED", "QUALITATIVE", "MEASURED_BEFORE_AFTER", "CONTROLLED");

    static EvidenceRule rule(int evaluations, int organisations, String minLevel) {
        return new EvidenceRule(evaluations, organisations, Set.of("SPREAD", "SPREAD_WITH_CONDITIONS"), minLevel, LEVELS);
    }

    static Candidate c(String org, String recommendation, String level, String pilotStatus) {
        return new Candidate(UUID.randomUUID(), org, recommendation, level, pilotStatus);
    }

    @Test
    void anEvaluationQualifiesOnlyWhenItsPilotRanItsEvidenceIsStrongEnoughAndItRecommendsSpreading() {
        EvidenceRule r = rule(1, 1, "MEASURED_BEFORE_AFTER");
        assertTrue(r.qualifies(c("A", "SPREAD", "MEASURED_BEFORE_AFTER", "COMPLETED")));
        assertTrue(r.qualifies(c("A", "SPREAD_WITH_CONDITIONS", "CONTROLLED", "RUNNING")));
        assertFalse(r.qualifies(c("A", "SPREAD", "QUALITATIVE", "COMPLETED")), "weaker than the minimum");
        assertFalse(r.qualifies(c("A", "SPREAD", "NOT_EVALUATED", "COMPLETED")));
        assertFalse(r.qualifies(c("A", "SPREAD", "CONTROLLED", "PLANNED")), "never started");
        assertFalse(r.qualifies(c("A", "SPREAD", "CONTROLLED", "ABANDONED")));
        assertFalse(r.qualifies(c("A", "SPREAD", "CONTROLLED", null)), "published before the rule knew the pilot's status");
        assertFalse(r.qualifies(c("A", "MORE_EVIDENCE", "CONTROLLED", "COMPLETED")));
        assertFalse(r.qualifies(c("A", "NONE", "CONTROLLED", "COMPLETED")));
    }

    @Test
    void countsEvaluationsAndDistinctOrganisations() {
        EvidenceRule r = rule(2, 2, "QUALITATIVE");
        Candidate a1 = c("A", "SPREAD", "QUALITATIVE", "COMPLETED");
        Candidate a2 = c("A", "SPREAD", "CONTROLLED", "COMPLETED");
        Candidate b = c("B", "SPREAD", "MEASURED_BEFORE_AFTER", "RUNNING");
        Candidate weak = c("C", "SPREAD", "NOT_EVALUATED", "COMPLETED");
        assertFalse(r.judge(List.of(a1, a2, weak)).proven(), "two evaluations, but one organisation");
        EvidenceRule.Verdict v = r.judge(List.of(a1, weak, b));
        assertTrue(v.proven());
        assertEquals(List.of(a1.evaluationId(), b.evaluationId()), v.qualifying());
        assertTrue(v.rule().startsWith(EvidenceRule.VERSION));
    }

    @Test
    void aRuleThatCannotBeMetOrNamesAnUnknownLevelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> rule(1, 2, "QUALITATIVE"));
        assertThrows(IllegalArgumentException.class, () -> rule(0, 0, "QUALITATIVE"));
        assertThrows(IllegalArgumentException.class, () -> rule(1, 1, "ANECDOTE"));
    }
}
