package no.helsefellesskap.evaluations.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.evaluations.domain.EvidenceRule;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.runtime.data.Db;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.time.SuiteClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** When a model version becomes PROVEN: the configured evidence rule over its published evaluations. */
@ApplicationScoped
public class ProvenModels {

    @Inject
    Db db;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SuiteClock clock;

    @Inject
    Vocabulary vocabulary;

    @ConfigProperty(name = "evaluations.evidence.proven.min-evaluations", defaultValue = "1")
    int minEvaluations;

    @ConfigProperty(name = "evaluations.evidence.proven.min-organisations", defaultValue = "1")
    int minOrganisations;

    @ConfigProperty(name = "evaluations.evidence.proven.recommendations", defaultValue = "SPREAD,SPREAD_WITH_CONDITIONS")
    List<String> provingRecommendations;

    @ConfigProperty(name = "evaluations.evidence.proven.min-evidence-level", defaultValue = "MEASURED_BEFORE_AFTER")
    String minEvidenceLevel;

    /** A rule that cannot be met, or names an unknown level, stops the start instead of failing a publication. */
    void checkEvidenceRule(@Observes StartupEvent started) {
        evidenceRule();
    }

    public EvidenceRule evidenceRule() {
        return new EvidenceRule(minEvaluations, minOrganisations, Set.copyOf(provingRecommendations),
                minEvidenceLevel, List.copyOf(vocabulary.codes(Vocabulary.EVIDENCE_LEVEL)));
    }

    /**
     * Judges the version's published evaluations by the evidence rule and emits {@code model.proven} once, naming the
     * evaluations and the rule. Publications for one version are judged one at a time (a transaction lock), so two
     * published at once both count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void judge(UUID modelId, int version) {
        em.flush(); // the publication just made counts
        db.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> 1, "proven/" + modelId + "/" + version);
        List<EvidenceRule.Candidate> published = db.list("""
                        select id, evaluator_orgnr, recommendation, evidence_level, pilot_status_at_publication
                        from evaluation where model_id = ? and model_version = ? and status = 'PUBLISHED'
                        order by published_at, id""",
                rs -> new EvidenceRule.Candidate(Db.uuid(rs, "id"), Db.trimmed(rs, "evaluator_orgnr"),
                        rs.getString("recommendation"), rs.getString("evidence_level"),
                        rs.getString("pilot_status_at_publication")), modelId, version);
        EvidenceRule.Verdict verdict = evidenceRule().judge(published);
        if (!verdict.proven()) {
            return;
        }
        int inserted = db.update("insert into proven_model (model_id, version, proven_at) values (?, ?, ?) on conflict do nothing",
                modelId, version, clock.now());
        if (inserted == 1) {
            outbox.emit(EventTypes.MODEL_PROVEN, modelId, new ModelProven(modelId, version, verdict.rule(),
                    verdict.qualifying(), clock.now().truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
