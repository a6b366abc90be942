package no.helsefellesskap.spread.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.messaging.RetryWhileUnavailable;
import no.helsefellesskap.spread.projection.EventApplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Builds the spread read models and the outgoing feed from every topic they draw on. */
@ApplicationScoped
public class ReadModelConsumer {

    @Inject
    EventApplier applier;

    /** One handler for every channel: the record's topic names the inbox, so each topic is deduplicated alone. */
    @Incoming("organisations")
    @Incoming("partnerships")
    @Incoming("tasks")
    @Incoming("models")
    @Incoming("model-evidence")
    @Incoming("pilots")
    @Incoming("evaluations")
    @Incoming("adoptions")
    @Blocking
    @RetryWhileUnavailable
    @Transactional
    public void on(ConsumerRecord<String, String> r) {
        applier.live(r.topic(), IncomingEvent.of(r));
    }
}
