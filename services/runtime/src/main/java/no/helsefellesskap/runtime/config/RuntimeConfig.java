package no.helsefellesskap.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the shared runtime, under {@code suite.*}. */
@ConfigMapping(prefix = "suite")
public interface RuntimeConfig {

    Outbox outbox();

    @WithName("kafka")
    Kafka kafka();

    Consumer consumer();

    interface Consumer {
        /** The topics this service consumes: a channel of each name, set up by ConsumerChannels. */
        Optional<List<String>> topics();
    }

    interface Outbox {
        /** Whether this service runs the relay that publishes its outbox. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Safety-net poll: the relay is woken by each commit, this only catches what a wake-up missed. */
        @WithDefault("10s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Longest wait between attempts while Kafka is unreachable. */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Kafka {
        /** Create every topic of the event catalogue and its dead-letter topic at start, if missing. */
        @WithDefault("true")
        boolean createTopics();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
