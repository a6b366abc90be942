package no.helsefellesskap.model.events;

/** A role-level requirement of a model: how many of a receiving group must hold a competence. */
public record CompetenceRequirement(String competence, String personnelGroup, int minimumHeadcount,
                                    boolean acceptsActualCompetence) {
}
