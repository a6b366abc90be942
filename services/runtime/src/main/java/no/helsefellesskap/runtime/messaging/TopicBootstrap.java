package no.helsefellesskap.runtime.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.config.RuntimeConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics of the event catalogue and their {@code .dlq} topics when missing, so consumers do not
 * depend on broker auto-creation. Runs in the background: a service starts even while Kafka is down.
 */
@ApplicationScoped
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    @Inject
    KafkaClients clients;

    @Inject
    RuntimeConfig config;

    void onStart(@Observes StartupEvent ev) {
        if (!config.kafka().createTopics()) {
            return;
        }
        Thread t = new Thread(this::createMissing, "topic-bootstrap");
        t.setDaemon(true);
        t.start();
    }

    public void createMissing() {
        Set<String> wanted = new LinkedHashSet<>();
        for (EventType t : EventTypes.ALL) {
            wanted.add(t.topic());
            wanted.add(t.deadLetterTopic());
        }
        try (Admin admin = Admin.create(clients.config(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000)))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            wanted.removeAll(existing);
            if (wanted.isEmpty()) {
                return;
            }
            admin.createTopics(wanted.stream()
                    .map(n -> new NewTopic(n, config.kafka().partitions(), config.kafka().replicationFactor())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, config.kafka().retention())))
                    .toList())
                    .values().forEach((name, f) -> {
                        try {
                            f.get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            LOG.debugf("topic %s not created here (probably created concurrently): %s", name, e.toString());
                        }
                    });
        } catch (Exception e) {
            LOG.warnf("Could not check or create topics now (%s); they are created on first use", e.toString());
        }
    }
}
