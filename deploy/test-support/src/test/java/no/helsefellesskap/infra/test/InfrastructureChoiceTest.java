package no.helsefellesskap.infra.test;

import no.helsefellesskap.infra.test.InfrastructureChoice.Choice;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static no.helsefellesskap.infra.test.InfrastructureChoice.Source.CONTAINERS;
import static no.helsefellesskap.infra.test.InfrastructureChoice.Source.EMBEDDED;
import static no.helsefellesskap.infra.test.InfrastructureChoice.Source.EXTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of InfrastructureChoice, with the Docker checks replaced by answers given here. */
class InfrastructureChoiceTest {

    static final BooleanSupplier YES = () -> true;
    static final BooleanSupplier NO = () -> false;

    @Test
    void withoutADockerEngineTheEmbeddedOnesAreUsedAndTestcontainersIsNotEvenAsked() {
        AtomicInteger asked = new AtomicInteger();
        Choice c = InfrastructureChoice.choose(Map.of(), null, NO, () -> asked.incrementAndGet() > 0);
        assertEquals(new Choice(EMBEDDED, EMBEDDED, "no Docker engine reachable"), c);
        assertEquals(0, asked.get(), "no sign of an engine: Testcontainers' slow check is skipped");
    }

    @Test
    void aSignOfAnEngineThatDoesNotAnswerStillMeansEmbedded() {
        assertEquals(EMBEDDED, InfrastructureChoice.choose(Map.of(), null, YES, NO).postgres());
    }

    @Test
    void anEngineThatAnswersMeansContainersForBoth() {
        Choice c = InfrastructureChoice.choose(Map.of(), null, YES, YES);
        assertEquals(CONTAINERS, c.postgres());
        assertEquals(CONTAINERS, c.kafka());
    }

    @Test
    void serversNamedInTheEnvironmentWinEachOnItsOwn() {
        assertEquals(new Choice(EXTERNAL, EXTERNAL, "QUARKUS_DATASOURCE_JDBC_URL and KAFKA_BOOTSTRAP_SERVERS are set"),
                InfrastructureChoice.choose(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x",
                        "KAFKA_BOOTSTRAP_SERVERS", "k:9092"), null, YES, YES));
        Choice onlyDb = InfrastructureChoice.choose(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x"),
                null, NO, NO);
        assertEquals(EXTERNAL, onlyDb.postgres());
        assertEquals(EMBEDDED, onlyDb.kafka());
        Choice onlyKafka = InfrastructureChoice.choose(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092"), null, YES, YES);
        assertEquals(CONTAINERS, onlyKafka.postgres());
        assertEquals(EXTERNAL, onlyKafka.kafka());
        assertEquals(EMBEDDED, InfrastructureChoice.choose(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "), null, NO, NO).kafka(),
                "a blank value names nothing");
    }

    @Test
    void askingForOneKindIsObeyedAndContainersWithoutAnEngineIsAnError() {
        assertEquals(EMBEDDED, InfrastructureChoice.choose(Map.of("SUITE_TEST_INFRA", "embedded"), null, YES, YES).kafka());
        assertEquals(CONTAINERS, InfrastructureChoice.choose(Map.of("SUITE_TEST_INFRA", "Containers"), null, NO, YES).kafka(),
                "asked explicitly, the engine is asked even without the cheap signs");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> InfrastructureChoice.choose(Map.of("SUITE_TEST_INFRA", "containers"), null, YES, NO));
        assertTrue(e.getMessage().contains("no Docker engine answers"), e.getMessage());
        assertEquals(EMBEDDED, InfrastructureChoice.choose(Map.of("SUITE_TEST_INFRA", "containers"), "embedded", YES, YES)
                .postgres(), "the system property wins over the environment");
        assertThrows(IllegalArgumentException.class,
                () -> InfrastructureChoice.choose(Map.of("SUITE_TEST_INFRA", "docker"), null, YES, YES));
    }

    /** This machine and CI have no Docker engine: the real checks say so, and the tests run embedded. */
    @Test
    void onThisMachineTheRealChecksChooseEmbeddedUnlessAnEngineIsThere() {
        Map<String, String> env = System.getenv();
        Choice c = InfrastructureChoice.choose(env, System.getProperty("suite.test.infra"),
                () -> InfrastructureChoice.dockerSigns(env), InfrastructureChoice::dockerAnswers);
        boolean engine = InfrastructureChoice.dockerSigns(env) && InfrastructureChoice.dockerAnswers();
        if (env.get("QUARKUS_DATASOURCE_JDBC_URL") == null && env.get("SUITE_TEST_INFRA") == null) {
            assertEquals(engine ? CONTAINERS : EMBEDDED, c.postgres(), c.toString());
        }
    }
}
