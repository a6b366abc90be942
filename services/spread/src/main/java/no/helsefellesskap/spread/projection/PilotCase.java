package no.helsefellesskap.spread.projection;

import no.helsefellesskap.model.events.PilotRegistered;

import java.util.List;
import java.util.Optional;

/** A pilot's structured case as {@code pilot.registered} carries it, kept whole in the read model's {@code details}. */
public record PilotCase(List<String> sites, List<PilotRegistered.Staffing> staffing,
                        List<PilotRegistered.Funding> funding, List<PilotRegistered.Precondition> preconditions,
                        String forsvarlighetAssessment, String baselinePlan,
                        List<PilotRegistered.Adaptation> adaptations) {

    /** Empty for an event that carries none of it (written before the case was carried). */
    static Optional<PilotCase> of(PilotRegistered p) {
        PilotCase c = new PilotCase(p.sites(), p.staffing(), p.funding(), p.preconditions(), p.forsvarlighetAssessment(),
                p.baselinePlan(), p.adaptations());
        return c.equals(new PilotCase(null, null, null, null, null, null, null)) ? Optional.empty() : Optional.of(c);
    }
}
