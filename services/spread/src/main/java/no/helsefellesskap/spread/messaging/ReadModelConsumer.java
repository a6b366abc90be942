package no.helsefellesskap.spread.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.events.EvaluationDrafted;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.spread.domain.EvaluationSummary;
import no.helsefellesskap.spread.domain.PilotSummary;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Builds the spread read models from the pilots and evaluations topics. */
@ApplicationScoped
public class ReadModelConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Incoming("pilots-in")
    @Blocking
    @Transactional
    public void onPilot(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("spread.pilots", event) || !event.is(EventTypes.PILOT_REGISTERED)) {
            return;
        }
        PilotRegistered p = event.payload(EventTypes.PILOT_REGISTERED, json);
        PilotSummary s = PilotSummary.findById(p.pilotId());
        boolean isNew = s == null;
        if (isNew) {
            s = new PilotSummary();
            s.pilotId = p.pilotId();
        }
        s.title = p.title();
        s.ownerOrgnr = p.ownerOrgnr();
        s.status = p.status();
        s.registeredAt = p.registeredAt();
        if (isNew) {
            s.persist();
        }
    }

    @Incoming("evaluations-in")
    @Blocking
    @Transactional
    public void onEvaluation(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("spread.evaluations", event) || !event.is(EventTypes.EVALUATION_DRAFTED)) {
            return;
        }
        EvaluationDrafted e = event.payload(EventTypes.EVALUATION_DRAFTED, json);
        EvaluationSummary s = EvaluationSummary.findById(e.evaluationId());
        boolean isNew = s == null;
        if (isNew) {
            s = new EvaluationSummary();
            s.evaluationId = e.evaluationId();
        }
        s.pilotId = e.pilotId();
        s.evaluatorOrgnr = e.evaluatorOrgnr();
        s.design = e.design();
        s.draftedAt = e.draftedAt();
        if (isNew) {
            s.persist();
        }
    }
}
