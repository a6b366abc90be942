package no.helsefellesskap.evaluations.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.RetryWhileUnavailable;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PartnerAnswered;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;

/** Keeps this service's own view of pilots: owner, partners, model version, status and end date. */
@ApplicationScoped
public class PilotEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Incoming("pilots-in")
    @Blocking
    @RetryWhileUnavailable
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("evaluations.pilots", event)) {
            return;
        }
        if (event.is(EventTypes.PILOT_REGISTERED)) {
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
            known.status = p.status();
            known.modelId = p.modelId();
            known.modelVersion = p.modelVersion();
            known.partners = new ArrayList<>(p.partnerOrgnrs());
            if (isNew) {
                known.persist();
            }
        } else if (event.is(EventTypes.PILOT_STATUS_CHANGED)) {
            PilotStatusChanged c = event.payload(EventTypes.PILOT_STATUS_CHANGED, json);
            KnownPilot known = KnownPilot.findById(c.pilotId());
            if (known != null) {
                known.status = c.to();
                if ("COMPLETED".equals(c.to()) || "ABANDONED".equals(c.to())) {
                    known.endedOn = c.date();
                }
            }
        } else if (event.is(EventTypes.PARTNER_DECLINED)) {
            PartnerAnswered a = event.payload(EventTypes.PARTNER_DECLINED, json);
            KnownPilot known = KnownPilot.findById(a.pilotId());
            if (known != null) {
                known.partners = new ArrayList<>(known.partners.stream().filter(o -> !o.equals(a.partnerOrgnr())).toList());
            }
        }
    }
}
