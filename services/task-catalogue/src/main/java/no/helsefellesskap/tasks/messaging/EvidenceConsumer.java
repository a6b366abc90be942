package no.helsefellesskap.tasks.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.RetryWhileUnavailable;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.tasks.domain.Lifecycle;
import no.helsefellesskap.tasks.service.ModelService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Moves a model version's lifecycle on evaluation evidence, so nobody sets EVALUATED or PROVEN by hand. */
@ApplicationScoped
public class EvidenceConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    ModelService models;

    @Incoming("evaluations-in")
    @Blocking
    @RetryWhileUnavailable
    @Transactional
    public void onEvaluation(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("task-catalogue.evaluations", event) || !event.is(EventTypes.EVALUATION_PUBLISHED)) {
            return;
        }
        EvaluationPublished e = event.payload(EventTypes.EVALUATION_PUBLISHED, json);
        if (e.modelId() != null && e.modelVersion() != null) {
            models.applyEvidence(e.modelId(), e.modelVersion(), Lifecycle.EVALUATED,
                    "evaluation " + e.evaluationId() + " published with " + e.recommendation(), event.id());
        }
    }

    @Incoming("model-evidence-in")
    @Blocking
    @RetryWhileUnavailable
    @Transactional
    public void onModelProven(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("task-catalogue.model-evidence", event) || !event.is(EventTypes.MODEL_PROVEN)) {
            return;
        }
        ModelProven p = event.payload(EventTypes.MODEL_PROVEN, json);
        models.applyEvidence(p.modelId(), p.modelVersion(), Lifecycle.PROVEN,
                "evidence rule " + p.evidenceRule() + " met by " + p.evaluationIds().size() + " evaluation(s)", event.id());
        models.recordProof(p.modelId(), p.modelVersion(), p.evidenceRule(), p.evaluationIds(), p.provenAt());
    }
}
