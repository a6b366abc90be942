package no.helsefellesskap.runtime.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings for the Kafka clients the suite builds itself (the outbox relay's producer, the topic bootstrap's admin
 * client, spread's rebuild consumer): every {@code kafka.*} property the messaging connector gets (servers, TLS,
 * SASL), then the client's own. A managed cluster is configured once, for all of them.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> connector;

    public Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> cfg = new HashMap<>(connector);
        cfg.putAll(own);
        return cfg;
    }
}
