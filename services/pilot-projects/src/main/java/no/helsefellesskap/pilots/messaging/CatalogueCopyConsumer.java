package no.helsefellesskap.pilots.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.RetryWhileUnavailable;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelLifecycleChanged;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.TaskRegistered;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/** Keeps this service's own copy of the task catalogue's tasks and model versions, so references are checked here. */
@ApplicationScoped
public class CatalogueCopyConsumer {

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
        if (!inbox.firstDelivery("pilot-projects.models", event)) {
            return;
        }
        Optional<ModelPublished> published = event.payloadIfOneOf(json, EventTypes.MODEL_PUBLISHED, EventTypes.MODEL_VERSIONED);
        if (published.isPresent()) {
            ModelPublished m = published.get();
            em.createNativeQuery("""
                            insert into known_model_version (model_id, version, name, task_ids, from_groups, to_groups, lifecycle)
                            values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb), cast(?6 as jsonb), ?7)
                            on conflict (model_id, version) do nothing""")
                    .setParameter(1, m.modelId()).setParameter(2, m.version()).setParameter(3, m.name())
                    .setParameter(4, json.writeValueAsString(m.taskIds())).setParameter(5, json.writeValueAsString(m.fromGroups()))
                    .setParameter(6, json.writeValueAsString(m.toGroups())).setParameter(7, m.lifecycle())
                    .executeUpdate();
        } else if (event.is(EventTypes.MODEL_LIFECYCLE_CHANGED)) {
            ModelLifecycleChanged c = event.payload(EventTypes.MODEL_LIFECYCLE_CHANGED, json);
            em.createNativeQuery("update known_model_version set lifecycle = ?3 where model_id = ?1 and version = ?2")
                    .setParameter(1, c.modelId()).setParameter(2, c.version()).setParameter(3, c.to()).executeUpdate();
        }
    }

    @Incoming("tasks-in")
    @Blocking
    @RetryWhileUnavailable
    @Transactional
    public void onTask(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("pilot-projects.tasks", event) || !event.is(EventTypes.TASK_REGISTERED)) {
            return;
        }
        TaskRegistered t = event.payload(EventTypes.TASK_REGISTERED, json);
        em.createNativeQuery("insert into known_task (task_id, category) values (?1, ?2) on conflict (task_id) do nothing")
                .setParameter(1, t.taskId()).setParameter(2, t.category()).executeUpdate();
    }
}
