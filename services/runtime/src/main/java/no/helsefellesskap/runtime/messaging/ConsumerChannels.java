package no.helsefellesskap.runtime.messaging;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The channel settings every consumer shares, so a service names only the topics it consumes
 * ({@code suite.consumer.topics=models,tasks}). For each, a channel of that name reads the topic from the earliest
 * offset in consumer group {@code <service>.<topic>}, and sends a record it cannot handle to {@code <topic>.dlq}. A
 * service's own {@code mp.messaging.incoming.<topic>.*} properties still win (this source ranks below them).
 * With {@code suite.consumer.batch-size=N} each channel hands its consumer up to N records per poll at once (the
 * method takes a {@code KafkaRecordBatch}), so they can be applied in one transaction.
 */
public class ConsumerChannels implements ConfigSourceFactory {

    static final int ORDINAL = 240;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue topics = context.getValue("suite.consumer.topics");
        ConfigValue service = context.getValue("quarkus.application.name");
        if (topics == null || topics.getValue() == null || topics.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue batch = context.getValue("suite.consumer.batch-size");
        String batchSize = batch == null || batch.getValue() == null || batch.getValue().isBlank() ? null : batch.getValue().strip();
        String app = service == null || service.getValue() == null ? "suite" : service.getValue();
        Map<String, String> p = new HashMap<>();
        for (String raw : topics.getValue().split(",")) {
            String topic = raw.strip();
            if (topic.isEmpty()) {
                continue;
            }
            String channel = "mp.messaging.incoming." + topic + ".";
            p.put(channel + "connector", "smallrye-kafka");
            p.put(channel + "topic", topic);
            p.put(channel + "group.id", app + "." + topic);
            p.put(channel + "auto.offset.reset", "earliest");
            p.put(channel + "failure-strategy", "dead-letter-queue");
            p.put(channel + "dead-letter-queue.topic", topic + ".dlq");
            // IncomingEvent reads the CloudEvent headers; the connector's own reading threw on a malformed ce_time
            // before any handler ran, and failed the channel for good instead of sending the record to the DLQ
            p.put(channel + "cloud-events", "false");
            if (batchSize != null) {
                p.put(channel + "batch", "true");
                p.put(channel + "max.poll.records", batchSize);
            }
        }
        return List.of(new PropertiesConfigSource(p, "suite consumer channels", ORDINAL));
    }
}
