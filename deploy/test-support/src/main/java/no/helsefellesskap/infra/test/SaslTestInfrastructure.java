package no.helsefellesskap.infra.test;

import io.quarkus.test.junit.QuarkusTestProfile;
import no.helsefellesskap.infra.EmbeddedKafka;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A managed Kafka cluster's login, on this machine: PostgreSQL as usual and a broker of its own whose client listener
 * takes only SASL/SCRAM (user {@code suite}). The service gets the login in its {@code kafka.*} settings only; a
 * client the suite builds without them cannot reach the broker. A plain listener for the test itself is in the
 * system property {@link #PLAIN}.
 */
public class SaslTestInfrastructure extends SuiteTestInfrastructure {

    public static final String PLAIN = "sasltest.plaintext";

    /** A test profile with this broker instead of the shared one. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SaslTestInfrastructure.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            int[] ports = freePorts(3);
            int plain = ports[0];
            int sasl = ports[1];
            Map<String, String> broker = Map.of(
                    "listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl
                            + ",CONTROLLER://127.0.0.1:" + ports[2],
                    "advertised.listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl,
                    "listener.security.protocol.map",
                    "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                    "sasl.enabled.mechanisms", "SCRAM-SHA-256",
                    "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            EmbeddedKafka kafka = new EmbeddedKafka(Files.createTempDirectory("sasl-test-kafka"), plain, ports[2],
                    broker, List.of("--add-scram", "SCRAM-SHA-256=[name=suite,password=suite-secret]")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-sasl-kafka"));
            System.setProperty(PLAIN, "127.0.0.1:" + plain);
            config.put("kafka.bootstrap.servers", "127.0.0.1:" + sasl);
            config.put("kafka.security.protocol", "SASL_PLAINTEXT");
            config.put("kafka.sasl.mechanism", "SCRAM-SHA-256");
            config.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"suite\" password=\"suite-secret\";");
            return config;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
