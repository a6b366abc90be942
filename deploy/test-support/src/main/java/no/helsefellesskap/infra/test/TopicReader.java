package no.helsefellesskap.infra.test;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads and writes raw Kafka records in tests, independent of the service under test. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Reads {@code topic} from the beginning until {@code min} matching records are seen or the timeout passes. */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                            int min, Duration timeout) {
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            while (Instant.now().isBefore(end) && found.size() < min) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
            // a short extra read catches duplicates that would arrive right behind
            Instant grace = Instant.now().plusMillis(500);
            while (Instant.now().isBefore(grace)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Everything a service put on {@code topic} (records whose {@code ce_source} is {@code source}) as text, keyed by
     * "topic/offset": value, key and every header. For scans such as the personal-data check.
     */
    public static Map<String, String> textOfRecordsFrom(String topic, String source, Duration timeout) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : read(topic, x -> source.equals(header(x, "ce_source")), Integer.MAX_VALUE, timeout)) {
            StringBuilder all = new StringBuilder(String.valueOf(r.value())).append('\n').append(r.key());
            for (Header h : r.headers()) {
                all.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
            }
            texts.put(topic + "/" + r.partition() + "@" + r.offset(), all.toString());
        }
        return texts;
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Writes one record with the given headers (name, value, name, value, ...) and waits for the ack. */
    public static void write(String topic, String key, String value, String... headers) {
        Map<String, Object> cfg = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(cfg, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                r.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
            }
            p.send(r).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write test record to " + topic, e);
        }
    }
}
