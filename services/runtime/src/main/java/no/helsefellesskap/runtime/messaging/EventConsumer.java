package no.helsefellesskap.runtime.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import no.helsefellesskap.model.events.EventType;
import io.opentelemetry.api.trace.SpanKind;
import no.helsefellesskap.runtime.inbox.Inbox;
import no.helsefellesskap.runtime.observability.SuiteMetrics;
import no.helsefellesskap.runtime.observability.Traces;
import no.helsefellesskap.runtime.tx.WhileUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;

/**
 * The one way a service consumes events. A consumer declares the event types it handles ({@link #handlers}) and
 * passes each record to {@link #accept} from its {@code @Incoming} method (annotated {@code @Blocking}: SmallRye
 * needs that on the method itself). The runtime reads the CloudEvent (a broken one is poison: dead-letter topic),
 * and in one transaction records it in the inbox under {@code <service>.<topic>} (a redelivery does nothing) and calls
 * the handler with the typed payload; while the database is unavailable it tries again in a new transaction
 * ({@link WhileUnavailable}). Channels are named after their topics and configured by {@link ConsumerChannels}.
 */
public abstract class EventConsumer {

    /** What a consumer does with one event of a type it handles, in the consuming transaction. */
    @FunctionalInterface
    public interface Handler<T extends Record> {
        void handle(T payload, IncomingEvent event) throws Exception;
    }

    /** Collects the handlers a consumer declares. */
    public final class Handlers {
        public <T extends Record> Handlers on(EventType type, Handler<T> handler) {
            handlers.put(type.type(), event -> handler.handle(event.payload(type, json), event));
            return this;
        }
    }

    private interface Dispatch {
        void run(IncomingEvent event) throws Exception;
    }

    private final Map<String, Dispatch> handlers = new HashMap<>();

    @Inject
    Inbox inbox;

    @Inject
    WhileUnavailable whileUnavailable;

    @Inject
    protected ObjectMapper json;

    @Inject
    Traces traces;

    @Inject
    SuiteMetrics metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Declares each event type this consumer handles; other events on its topics are recorded and skipped. */
    protected abstract void handlers(Handlers on);

    @PostConstruct
    void declare() {
        handlers(new Handlers());
    }

    /**
     * Handles one record in a consumer span that continues the producer's trace; a record that fails here is sent
     * to the dead letters by the channel (and counted).
     */
    protected void accept(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.of(record);
            traces.run(service + " consume " + event.type(), SpanKind.CONSUMER, event.traceparent(),
                    () -> whileUnavailable.run(() -> handle(record.topic(), event)));
            metrics.consumed(record.topic(), 1);
        } catch (RuntimeException e) {
            metrics.deadLettered(record.topic());
            throw e;
        }
    }

    private void handle(String topic, IncomingEvent event) {
        if (!inbox.firstDelivery(service + "." + topic, event)) {
            return;
        }
        Dispatch handler = handlers.get(event.type());
        if (handler == null) {
            return;
        }
        try {
            handler.run(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("handling " + event.type() + " " + event.id() + ": " + e.getMessage(), e);
        }
    }
}
