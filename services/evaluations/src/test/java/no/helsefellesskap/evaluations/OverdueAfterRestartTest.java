package no.helsefellesskap.evaluations;

import no.helsefellesskap.runtime.time.SuiteClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import no.helsefellesskap.evaluations.service.OverdueService;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.TopicReader;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A different test profile makes Quarkus start the application again, on the same database and broker: the pilot
 * OverdueTest announced is not announced a second time. (Quarkus runs tests with a profile after those without.)
 */
@QuarkusTest
@TestProfile(OverdueAfterRestartTest.Restarted.class)
@QuarkusTestResource(SuiteTestInfrastructure.class)
class OverdueAfterRestartTest {

    static final String LATE_PILOT = "test.overdue.late-pilot";

    public static class Restarted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evaluations.overdue-check", "2h");
        }
    }

    @Inject
    SuiteClock clock;

    @Inject
    OverdueService overdue;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theOverdueEventIsNotEmittedAgainAfterARestart() {
        String late = System.getProperty(LATE_PILOT);
        assumeTrue(late != null, "runs after OverdueTest in the same JVM");
        clock.use(Clock.fixed(Instant.parse("2032-03-01T08:00:00Z"), ZoneOffset.UTC));
        overdue.check();
        overdue.check();
        var events = TopicReader.read(EventTypes.TOPIC_PILOTS, r -> late.equals(r.key())
                && EventTypes.PILOT_EVALUATION_OVERDUE.type().equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, events.size(), "still exactly one overdue event after the restart");
    }
}
