package no.helsefellesskap.tasks;

import no.helsefellesskap.tasks.domain.Lifecycle;
import org.junit.jupiter.api.Test;

import static no.helsefellesskap.tasks.domain.Lifecycle.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle rules as plain code: no database, no broker. */
class LifecycleTest {

    @Test
    void evidenceMovesForwardOnlyAndNeverBack() {
        for (Lifecycle before : new Lifecycle[] {PROPOSED, ASSESSED, IN_PILOT}) {
            assertTrue(before.evidenceMoves(EVALUATED), before + " -> EVALUATED");
            assertTrue(before.evidenceMoves(PROVEN), before + " -> PROVEN");
        }
        assertTrue(EVALUATED.evidenceMoves(PROVEN));
        assertFalse(EVALUATED.evidenceMoves(EVALUATED));
        assertFalse(PROVEN.evidenceMoves(EVALUATED), "a later evaluation never takes PROVEN back");
        assertFalse(PROVEN.evidenceMoves(PROVEN));
        assertFalse(SPREADING.evidenceMoves(PROVEN));
        assertFalse(REJECTED.evidenceMoves(EVALUATED));
        assertFalse(PROPOSED.evidenceMoves(SPREADING), "evidence sets only EVALUATED and PROVEN");
    }

    @Test
    void evidenceStatesAreNotSetByHand() {
        for (Lifecycle l : Lifecycle.values()) {
            assertFalse(l.manualNext().contains(EVALUATED) || l.manualNext().contains(PROVEN), l.toString());
        }
    }
}
