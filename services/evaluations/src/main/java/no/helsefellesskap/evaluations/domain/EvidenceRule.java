package no.helsefellesskap.evaluations.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When a model version counts as PROVEN: enough published evaluations that a programme would accept, from enough
 * different organisations. An evaluation qualifies when it recommends spreading, its evidence level is at least the
 * minimum (levels ordered as in the {@code evidence-level} code list), and its pilot ran: RUNNING or COMPLETED when
 * the evaluation was published (a pilot that never started or was abandoned proves nothing).
 *
 * @param evidenceLevels the evidence-level codes, weakest first
 */
public record EvidenceRule(int minEvaluations, int minOrganisations, Set<String> recommendations,
                           String minEvidenceLevel, List<String> evidenceLevels) {

    /** Changes whenever what qualifies changes; named on every {@code model.proven}. */
    public static final String VERSION = "evidence-rule/2";

    static final Set<String> RAN = Set.of("RUNNING", "COMPLETED");

    public EvidenceRule {
        if (!evidenceLevels.contains(minEvidenceLevel)) {
            throw new IllegalArgumentException("minimum evidence level " + minEvidenceLevel + " is not one of " + evidenceLevels);
        }
        if (minEvaluations < 1 || minOrganisations < 1 || minOrganisations > minEvaluations) {
            throw new IllegalArgumentException("need 1 <= organisations <= evaluations, got " + minOrganisations + " and "
                    + minEvaluations);
        }
        recommendations = Set.copyOf(recommendations);
        evidenceLevels = List.copyOf(evidenceLevels);
    }

    /** A published evaluation of the model version, with its pilot's status when it was published. */
    public record Candidate(UUID evaluationId, String evaluatorOrgnr, String recommendation, String evidenceLevel,
                            String pilotStatusAtPublication) {
    }

    /** Whether the version is proven, by which evaluations, under which rule. */
    public record Verdict(boolean proven, List<UUID> qualifying, String rule) {
    }

    public boolean qualifies(Candidate c) {
        return c.recommendation() != null && recommendations.contains(c.recommendation())
                && c.evidenceLevel() != null && evidenceLevels.indexOf(c.evidenceLevel()) >= evidenceLevels.indexOf(minEvidenceLevel)
                && c.pilotStatusAtPublication() != null && RAN.contains(c.pilotStatusAtPublication());
    }

    /** @param published the version's published evaluations, oldest first */
    public Verdict judge(List<Candidate> published) {
        List<UUID> qualifying = new ArrayList<>();
        Set<String> organisations = new LinkedHashSet<>();
        for (Candidate c : published) {
            if (qualifies(c)) {
                qualifying.add(c.evaluationId());
                organisations.add(c.evaluatorOrgnr());
            }
        }
        return new Verdict(qualifying.size() >= minEvaluations && organisations.size() >= minOrganisations,
                List.copyOf(qualifying), describe());
    }

    public String describe() {
        return VERSION + ": at least " + minEvaluations + " published evaluation(s) from at least " + minOrganisations
                + " organisation(s), recommending " + recommendations.stream().sorted().toList() + ", evidence level "
                + minEvidenceLevel + " or stronger, of pilots that ran (RUNNING or COMPLETED when published)";
    }
}
