package no.helsefellesskap.tasks.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a model version. EVALUATED and PROVEN come only from evaluation events; the owner moves the rest.
 * This is the suite's own state machine, not reference data.
 */
public enum Lifecycle {
    PROPOSED, ASSESSED, IN_PILOT, EVALUATED, PROVEN, SPREADING, REJECTED;

    /** Moves the owner may make by hand. */
    public Set<Lifecycle> manualNext() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ASSESSED, REJECTED);
            case ASSESSED -> EnumSet.of(IN_PILOT, REJECTED);
            case IN_PILOT -> EnumSet.of(REJECTED);
            case EVALUATED -> EnumSet.of(IN_PILOT, REJECTED);
            case PROVEN -> EnumSet.of(SPREADING);
            case SPREADING, REJECTED -> EnumSet.noneOf(Lifecycle.class);
        };
    }

    /**
     * Whether evaluation evidence moves a version from this state to {@code target}: EVALUATED from before it, PROVEN
     * from EVALUATED or before. A version already further along (or rejected) stays where it is.
     */
    public boolean evidenceMoves(Lifecycle target) {
        return switch (target) {
            case EVALUATED -> this == PROPOSED || this == ASSESSED || this == IN_PILOT;
            case PROVEN -> this == PROPOSED || this == ASSESSED || this == IN_PILOT || this == EVALUATED;
            default -> false;
        };
    }

    public static boolean evidenceOnly(Lifecycle l) {
        return l == EVALUATED || l == PROVEN;
    }
}
