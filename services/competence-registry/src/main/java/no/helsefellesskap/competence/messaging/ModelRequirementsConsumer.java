package no.helsefellesskap.competence.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.RetryWhileUnavailable;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/** Keeps the role-level competence requirements of each model version, for gap reports. */
@ApplicationScoped
public class ModelRequirementsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Incoming("models-in")
    @Blocking
    @RetryWhileUnavailable
    @Transactional
    public void on(ConsumerRecord<String, String> record) throws Exception {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("competence-registry.models", event)) {
            return;
        }
        Optional<ModelPublished> published = event.payloadIfOneOf(json, EventTypes.MODEL_PUBLISHED, EventTypes.MODEL_VERSIONED);
        if (published.isEmpty()) {
            return;
        }
        ModelPublished m = published.get();
        em.createNativeQuery("""
                        insert into model_requirement (model_id, version, name, to_groups, requirements)
                        values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb))
                        on conflict (model_id, version) do nothing""")
                .setParameter(1, m.modelId()).setParameter(2, m.version()).setParameter(3, m.name())
                .setParameter(4, json.writeValueAsString(m.toGroups()))
                .setParameter(5, json.writeValueAsString(m.requiredCompetences()))
                .executeUpdate();
    }
}
