package no.helsefellesskap.pilots.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelLifecycleChanged;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.TaskRegistered;
import no.helsefellesskap.runtime.messaging.EventConsumer;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps this service's own copy of the task catalogue's tasks and model versions, so references are checked here. */
@ApplicationScoped
public class CatalogueCopyConsumer extends EventConsumer {

    @Inject
    EntityManager em;

    @Override
    protected void handlers(Handlers on) {
        on.on(EventTypes.MODEL_PUBLISHED, (ModelPublished m, IncomingEvent e) -> version(m))
                .on(EventTypes.MODEL_VERSIONED, (ModelPublished m, IncomingEvent e) -> version(m))
                .on(EventTypes.MODEL_LIFECYCLE_CHANGED, (ModelLifecycleChanged c, IncomingEvent e) -> lifecycle(c))
                .on(EventTypes.TASK_REGISTERED, (TaskRegistered t, IncomingEvent e) -> task(t));
    }

    @Incoming("models")
    @Incoming("tasks")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        accept(record);
    }

    void version(ModelPublished m) throws Exception {
        em.createNativeQuery("""
                        insert into known_model_version (model_id, version, name, task_ids, from_groups, to_groups, lifecycle)
                        values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb), cast(?6 as jsonb), ?7)
                        on conflict (model_id, version) do nothing""")
                .setParameter(1, m.modelId()).setParameter(2, m.version()).setParameter(3, m.name())
                .setParameter(4, json.writeValueAsString(m.taskIds())).setParameter(5, json.writeValueAsString(m.fromGroups()))
                .setParameter(6, json.writeValueAsString(m.toGroups())).setParameter(7, m.lifecycle())
                .executeUpdate();
    }

    void lifecycle(ModelLifecycleChanged c) {
        em.createNativeQuery("update known_model_version set lifecycle = ?3 where model_id = ?1 and version = ?2")
                .setParameter(1, c.modelId()).setParameter(2, c.version()).setParameter(3, c.to()).executeUpdate();
    }

    void task(TaskRegistered t) {
        em.createNativeQuery("insert into known_task (task_id, category) values (?1, ?2) on conflict (task_id) do nothing")
                .setParameter(1, t.taskId()).setParameter(2, t.category()).executeUpdate();
    }
}
