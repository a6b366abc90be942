package no.helsefellesskap.model.rules;

/**
 * Whether an organisation has what a model's competence requirement asks for: the headcount it has counted in the
 * required personnel group with the required competence (the latest count per unit, summed) against the requirement's
 * minimum. One rule for the competence registry's gap report and spread's model page.
 */
public final class CompetenceGap {

    public enum Status { MET, SHORT, MISSING }

    private CompetenceGap() {
    }

    public static int shortfall(int required, int available) {
        return Math.max(0, required - available);
    }

    /** MET when nothing is short; MISSING when none is available; SHORT in between. */
    public static Status status(int required, int available) {
        return shortfall(required, available) == 0 ? Status.MET : available == 0 ? Status.MISSING : Status.SHORT;
    }
}
