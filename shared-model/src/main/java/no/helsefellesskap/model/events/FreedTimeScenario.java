package no.helsefellesskap.model.events;

/**
 * Freed time of a published evaluation in one scenario (low, middle, high), in full-time equivalents (årsverk):
 * gross time freed for the giving groups, extra time for the receiving groups, net = gross - extra; for the lines of
 * one scope (the pilot's own sites, a region, the whole country) and one basis (measured or estimated). Lines of
 * different scope or basis are never added together: an evaluation carries one entry per scope, basis and scenario.
 * Scope and basis are null only in events published before they were recorded.
 */
public record FreedTimeScenario(String scenario, double gross, double extra, double net, @Nullable String scope,
                                @Nullable String basis) {
}
