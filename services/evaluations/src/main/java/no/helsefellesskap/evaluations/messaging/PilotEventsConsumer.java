package no.helsefellesskap.evaluations.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PilotEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Incoming("pilots-in")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("evaluations.pilots", event) || !event.is(EventTypes.PILOT_REGISTERED)) {
            return;
        }
        PilotRegistered p = event.payload(EventTypes.PILOT_REGISTERED, json);
        KnownPilot known = KnownPilot.findById(p.pilotId());
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownPilot();
            known.pilotId = p.pilotId();
        }
        known.title = p.title();
        known.ownerOrgnr = p.ownerOrgnr();
        known.registeredAt = p.registeredAt();
        if (isNew) {
            known.persist();
        }
    }
}
