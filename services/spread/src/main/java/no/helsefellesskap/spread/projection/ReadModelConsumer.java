package no.helsefellesskap.spread.projection;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.opentelemetry.api.trace.SpanKind;
import no.helsefellesskap.runtime.messaging.IncomingEvent;
import no.helsefellesskap.runtime.observability.SuiteMetrics;
import no.helsefellesskap.runtime.observability.Traces;
import no.helsefellesskap.runtime.tx.WhileUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Builds the spread read models and the outgoing feed from every topic they draw on. Each channel hands over a poll's
 * records at once ({@code suite.consumer.batch-size}), applied in one transaction. One method per channel: SmallRye
 * runs one method's invocations one after another, so channels sharing a method would queue every topic behind the
 * busiest (published evaluations waited minutes behind a stream of registrations); each topic keeps its own order.
 */
@ApplicationScoped
public class ReadModelConsumer {

    @Inject
    EventApplier applier;

    @Inject
    WhileUnavailable whileUnavailable;

    @Inject
    Traces traces;

    @Inject
    SuiteMetrics metrics;

    @Incoming("organisations")
    @Blocking
    public CompletionStage<Void> organisations(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("partnerships")
    @Blocking
    public CompletionStage<Void> partnerships(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> tasks(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("models")
    @Blocking
    public CompletionStage<Void> models(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("model-evidence")
    @Blocking
    public CompletionStage<Void> modelEvidence(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("pilots")
    @Blocking
    public CompletionStage<Void> pilots(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("evaluations")
    @Blocking
    public CompletionStage<Void> evaluations(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("adoptions")
    @Blocking
    public CompletionStage<Void> adoptions(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming("competence-profiles")
    @Blocking
    public CompletionStage<Void> competenceProfiles(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    /**
     * The poll's events in one transaction (again in a new one while the database is unavailable). If any record
     * fails otherwise (poison, a bug), nothing of the poll is kept and its records are applied one by one, each in
     * its own transaction, so that only the failing one goes to the dead-letter topic.
     */
    CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return batch.ack();
        }
        try {
            List<IncomingEvent> events = new ArrayList<>(records.size());
            for (KafkaRecord<String, String> r : records) {
                events.add(IncomingEvent.of(consumerRecord(r)));
            }
            String topic = records.get(0).getTopic();
            whileUnavailable.run(() -> applier.live(topic, events));
            metrics.consumed(topic, events.size());
        } catch (RuntimeException spoiled) {
            for (KafkaRecord<String, String> r : records) {
                try {
                    IncomingEvent event = IncomingEvent.of(consumerRecord(r));
                    traces.run("spread consume " + event.type(), SpanKind.CONSUMER, event.traceparent(),
                            () -> whileUnavailable.run(() -> applier.live(r.getTopic(), event)));
                    metrics.consumed(r.getTopic(), 1);
                } catch (RuntimeException e) {
                    metrics.deadLettered(r.getTopic());
                    r.nack(e).toCompletableFuture().join();
                }
            }
        }
        return batch.ack();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> r) {
        return r.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }
}
