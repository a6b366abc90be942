package no.helsefellesskap.infra.test;

/** What a test may ask of the infrastructure that {@link SuiteTestInfrastructure} started. */
public final class TestInfra {

    private TestInfra() {
    }

    public static String kafkaBootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return external != null ? external : System.getProperty(SuiteTestInfrastructure.P_KAFKA);
    }

    public static String jdbcUrl() {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        return external != null ? external : System.getProperty(SuiteTestInfrastructure.P_JDBC);
    }

    /** True when the broker is the in-process one, which a test may stop and start. */
    public static boolean canControlKafka() {
        return KafkaControl.registered();
    }

    public static void stopKafka() {
        KafkaControl.invoke("stop");
    }

    public static void startKafka() {
        KafkaControl.invoke("start");
    }
}
