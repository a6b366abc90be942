package no.helsefellesskap.competence.messaging;

import io.smallrye.common.annotation.Blocking;
import no.helsefellesskap.runtime.data.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    Db db;

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
        db.update("""
                        insert into model_requirement (model_id, version, name, to_groups, requirements)
                        values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        on conflict (model_id, version) do nothing""", m.modelId(), m.version(), m.name(),
                json.writeValueAsString(m.toGroups()), json.writeValueAsString(m.requiredCompetences()));
    }
}
