package no.helsefellesskap.model.events;

/**
 * Freed time of a published evaluation in one scenario (low, middle, high), in full-time equivalents (årsverk):
 * gross time freed for the giving groups, extra time for the receiving groups, net = gross - extra.
 */
public record FreedTimeScenario(String scenario, double gross, double extra, double net) {
}
