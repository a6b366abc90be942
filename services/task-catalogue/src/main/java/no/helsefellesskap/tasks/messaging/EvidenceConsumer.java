package no.helsefellesskap.tasks.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.runtime.messaging.EventConsumer;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.tasks.domain.Lifecycle;
import no.helsefellesskap.tasks.service.ModelService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Moves a model version's lifecycle on evaluation evidence, so nobody sets EVALUATED or PROVEN by hand. */
@ApplicationScoped
public class EvidenceConsumer extends EventConsumer {

    @Inject
    ModelService models;

    @Override
    protected void handlers(Handlers on) {
        on.on(EventTypes.EVALUATION_PUBLISHED, this::evaluated).on(EventTypes.MODEL_PROVEN, this::proven);
    }

    @Incoming("evaluations")
    @Incoming("model-evidence")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        accept(record);
    }

    void evaluated(EvaluationPublished e, IncomingEvent event) {
        if (e.modelId() != null && e.modelVersion() != null) {
            models.applyEvidence(e.modelId(), e.modelVersion(), Lifecycle.EVALUATED,
                    "evaluation " + e.evaluationId() + " published with " + e.recommendation(), event.id());
        }
    }

    void proven(ModelProven p, IncomingEvent event) {
        models.applyEvidence(p.modelId(), p.modelVersion(), Lifecycle.PROVEN,
                "evidence rule " + p.evidenceRule() + " met by " + p.evaluationIds().size() + " evaluation(s)", event.id());
        models.recordProof(p.modelId(), p.modelVersion(), p.evidenceRule(), p.evaluationIds(), p.provenAt());
    }
}
