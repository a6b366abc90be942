package no.helsefellesskap.infra.test;

import no.helsefellesskap.infra.EmbeddedKafka;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

final class KafkaControl implements KafkaControlMBean {

    static final String NAME = "no.helsefellesskap.infra.test:type=KafkaControl";

    private final EmbeddedKafka kafka;

    private KafkaControl(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static void register(EmbeddedKafka kafka) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new KafkaControl(kafka), new ObjectName(NAME));
        } catch (Exception e) {
            throw new IllegalStateException("could not register the test broker's control", e);
        }
    }

    static boolean registered() {
        try {
            return ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(NAME));
        } catch (Exception e) {
            return false;
        }
    }

    static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, new Object[0], new String[0]);
        } catch (Exception e) {
            throw new IllegalStateException("test broker control '" + operation + "' failed", e);
        }
    }

    @Override
    public void stop() {
        kafka.stop();
    }

    @Override
    public void start() {
        kafka.start();
    }
}
