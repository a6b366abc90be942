package no.helsefellesskap.pilots.messaging;

import io.smallrye.common.annotation.Blocking;
import no.helsefellesskap.runtime.data.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    Db db;

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
        db.update("""
                        insert into known_model_version (model_id, version, name, task_ids, from_groups, to_groups, lifecycle)
                        values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?)
                        on conflict (model_id, version) do nothing""", m.modelId(), m.version(), m.name(),
                json.writeValueAsString(m.taskIds()), json.writeValueAsString(m.fromGroups()),
                json.writeValueAsString(m.toGroups()), m.lifecycle());
    }

    void lifecycle(ModelLifecycleChanged c) {
        db.update("update known_model_version set lifecycle = ? where model_id = ? and version = ?", c.to(), c.modelId(),
                c.version());
    }

    void task(TaskRegistered t) {
        db.update("insert into known_task (task_id, category) values (?, ?) on conflict (task_id) do nothing", t.taskId(),
                t.category());
    }
}
