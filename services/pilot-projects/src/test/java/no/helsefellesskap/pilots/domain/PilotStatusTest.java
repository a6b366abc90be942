package no.helsefellesskap.pilots.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pilot's lifecycle as the README states it, checked over every pair of states (no service, no database). */
class PilotStatusTest {

    /** The README: PLANNED → RUNNING → COMPLETED or ABANDONED; a planned pilot may also be abandoned. */
    static final Set<String> ALLOWED = Set.of("PLANNED>RUNNING", "RUNNING>COMPLETED", "PLANNED>ABANDONED",
            "RUNNING>ABANDONED");

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        int allowed = 0;
        for (Pilot.Status from : Pilot.Status.values()) {
            for (Pilot.Status to : Pilot.Status.values()) {
                boolean expected = ALLOWED.contains(from + ">" + to);
                assertEquals(expected, from.mayBecome(to), from + " → " + to);
                if (!expected) {
                    assertFalse(from.refusal(to).isBlank());
                }
                allowed += from.mayBecome(to) ? 1 : 0;
            }
        }
        assertEquals(4, allowed);
        assertTrue(Pilot.Status.PLANNED.refusal(Pilot.Status.COMPLETED).contains("RUNNING first"));
    }

    @Test
    void anEndBeforeTheStartIsRefusedButUnknownDatesAreNotCompared() {
        LocalDate start = LocalDate.of(2024, 3, 1);
        assertTrue(Pilot.endsBeforeStart(start.minusDays(1), start));
        assertFalse(Pilot.endsBeforeStart(start, start));
        assertFalse(Pilot.endsBeforeStart(start.plusDays(1), start));
        assertFalse(Pilot.endsBeforeStart(null, start));
        assertFalse(Pilot.endsBeforeStart(start, null));
    }
}
