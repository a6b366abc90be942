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

        /** When set, each channel hands over up to this many records of a poll at once (a {@code KafkaRecordBatch}). */
        Optional<Integer> batchSize();
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

        /**
         * {@code retention.ms} of the topics created here: -1 keeps every event, since the topics are the history
         * read models are rebuilt from (Kafka's own default would drop events after 7 days).
         */
        @WithDefault("-1")
        String retention();
    }

    Retention retention();

    /** Removal of bookkeeping rows nobody will read again, so the tables do not grow forever. */
    interface Retention {
        @WithDefault("true")
        boolean enabled();

        /** How often old rows are looked for. */
        @WithDefault("5m")
        Duration interval();

        /** Outbox rows Kafka has acknowledged are kept this long (to see what was published), then removed. */
        @WithDefault("1h")
        Duration sentOutbox();

        /**
         * Inbox rows are kept this long. A redelivery comes from a consumer that stopped before committing its
         * offset, seconds to minutes later; only a consumer group rewound further than this could apply an event
         * twice, so raise it before such a rewind. (spread's rebuild does not depend on it: its feed items are unique
         * per event id.)
         */
        @WithDefault("30d")
        Duration inbox();

        /** Rows removed per statement, so no removal holds locks or builds WAL for long. */
        @WithDefault("5000")
        int batchSize();
    }
}
