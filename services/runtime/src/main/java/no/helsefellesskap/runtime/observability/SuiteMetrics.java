package no.helsefellesskap.runtime.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite's own counters, beside the HTTP, JVM and Kafka client metrics Micrometer adds: events consumed and sent to
 * the dead letters per channel (a channel is named after its topic). On {@code /q/metrics} as
 * {@code suite_events_consumed_total} and {@code suite_events_dead_lettered_total}.
 */
@ApplicationScoped
public class SuiteMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

    @ConfigProperty(name = "suite.consumer.topics")
    Optional<List<String>> channels;

    /** Every channel's counters from the start, at 0: a series that appears only on its first event hides a rate. */
    void register(@Observes StartupEvent ev) {
        channels.orElse(List.of()).stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(c -> {
            consumed(c, 0);
            deadLettered(c, 0);
        });
    }

    public void consumed(String channel, int events) {
        consumed.computeIfAbsent(channel, c -> Counter.builder("suite.events.consumed")
                .description("Events a consumer took from its channel and committed (a redelivery counts again)")
                .tag("channel", c).register(registry)).increment(events);
    }

    public void deadLettered(String channel) {
        deadLettered(channel, 1);
    }

    private void deadLettered(String channel, int records) {
        deadLettered.computeIfAbsent(channel, c -> Counter.builder("suite.events.dead.lettered")
                .description("Records a consumer could not handle, sent to <topic>.dlq")
                .tag("channel", c).register(registry)).increment(records);
    }
}
