package no.helsefellesskap.competence.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.runtime.messaging.EventConsumer;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the role-level competence requirements of each model version, for gap reports. */
@ApplicationScoped
public class ModelRequirementsConsumer extends EventConsumer {

    @Inject
    EntityManager em;

    @Override
    protected void handlers(Handlers on) {
        // a new version of a model carries the same payload as its first
        on.on(EventTypes.MODEL_PUBLISHED, (ModelPublished m, IncomingEvent e) -> requirements(m))
                .on(EventTypes.MODEL_VERSIONED, (ModelPublished m, IncomingEvent e) -> requirements(m));
    }

    @Incoming("models")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        accept(record);
    }

    void requirements(ModelPublished m) throws Exception {
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
