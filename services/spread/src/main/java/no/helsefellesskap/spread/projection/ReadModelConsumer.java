package no.helsefellesskap.spread.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.tx.WhileUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Builds the spread read models and the outgoing feed from every topic they draw on. */
@ApplicationScoped
public class ReadModelConsumer {

    @Inject
    EventApplier applier;

    @Inject
    WhileUnavailable whileUnavailable;

    /** One handler for every channel: the record's topic names the inbox, so each topic is deduplicated alone. */
    @Incoming("organisations")
    @Incoming("partnerships")
    @Incoming("tasks")
    @Incoming("models")
    @Incoming("model-evidence")
    @Incoming("pilots")
    @Incoming("evaluations")
    @Incoming("adoptions")
    @Incoming("competence-profiles")
    @Blocking
    public void on(ConsumerRecord<String, String> r) {
        IncomingEvent event = IncomingEvent.of(r);
        whileUnavailable.run(() -> applier.live(r.topic(), event));
    }
}
