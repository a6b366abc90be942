package no.helsefellesskap.evaluations.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PartnerAnswered;
import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import no.helsefellesskap.runtime.messaging.EventConsumer;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;

/** Keeps this service's own view of pilots: owner, partners, model version, status and end date. */
@ApplicationScoped
public class PilotEventsConsumer extends EventConsumer {

    @Override
    protected void handlers(Handlers on) {
        on.on(EventTypes.PILOT_REGISTERED, (PilotRegistered p, IncomingEvent e) -> registered(p))
                .on(EventTypes.PILOT_STATUS_CHANGED, (PilotStatusChanged c, IncomingEvent e) -> statusChanged(c))
                .on(EventTypes.PARTNER_DECLINED, (PartnerAnswered a, IncomingEvent e) -> declined(a));
    }

    @Incoming("pilots")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        accept(record);
    }

    void registered(PilotRegistered p) {
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
    }

    void statusChanged(PilotStatusChanged c) {
        KnownPilot known = KnownPilot.findById(c.pilotId());
        if (known != null) {
            known.status = c.to();
            if ("COMPLETED".equals(c.to()) || "ABANDONED".equals(c.to())) {
                known.endedOn = c.date();
            }
        }
    }

    void declined(PartnerAnswered a) {
        KnownPilot known = KnownPilot.findById(a.pilotId());
        if (known != null) {
            known.partners = new ArrayList<>(known.partners.stream().filter(o -> !o.equals(a.partnerOrgnr())).toList());
        }
    }
}
