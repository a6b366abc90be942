package no.helsefellesskap.infra.test;

/** JMX view of the in-process test broker: JMX is JVM-wide, so any class loader of a Quarkus test can reach it. */
public interface KafkaControlMBean {
    void stop();

    void start();
}
