package no.helsefellesskap.runtime.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.messaging.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The relay's Kafka producer: idempotent, acks from all replicas, and short blocking limits so that an
 * unreachable broker fails a batch quickly instead of stalling the relay.
 */
@ApplicationScoped
public class OutboxProducer {

    @Inject
    KafkaClients clients;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private volatile Producer<String, byte[]> producer;

    Producer<String, byte[]> get() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = create();
                }
                p = producer;
            }
        }
        return p;
    }

    private Producer<String, byte[]> create() {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        cfg.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        cfg.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return new KafkaProducer<>(clients.config(cfg), new StringSerializer(), new ByteArraySerializer());
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
