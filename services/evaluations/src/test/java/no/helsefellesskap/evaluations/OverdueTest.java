package no.helsefellesskap.evaluations;

import no.helsefellesskap.runtime.time.SuiteClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.UUID;

import static no.helsefellesskap.evaluations.EvaluationTest.AHUS;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overdue evaluations with a controlled clock (12 months configured). */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class OverdueTest {

    @Inject
    SuiteClock clock;

    @Inject
    OverdueService overdue;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCompletedPilotWithoutAPublishedEvaluationIsAnnouncedOnceAfterNMonths() {
        UUID late = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        EvaluationTest.pilotRegistered(late, AHUS, null, null);
        EvaluationTest.pilotCompleted(late, AHUS, "2031-01-10");
        EvaluationTest.pilotRegistered(recent, AHUS, null, null);
        EvaluationTest.pilotCompleted(recent, AHUS, "2031-12-01");
        EvaluationTest.awaitKnown(late, "COMPLETED");
        EvaluationTest.awaitKnown(recent, "COMPLETED");

        clock.use(Clock.fixed(Instant.parse("2032-02-01T08:00:00Z"), ZoneOffset.UTC));
        assertTrue(overdue.check() >= 1);
        EvaluationTest.as(AHUS, "GET", "/api/overdue-evaluations", null).statusCode(200)
                .body("pilots.pilotId", hasItem(late.toString())).body("pilots.pilotId", not(hasItem(recent.toString())));
        assertEquals(0, overdue.check(), "announced once, however often the check runs");

        var events = TopicReader.read(EventTypes.TOPIC_PILOTS, r -> late.toString().equals(r.key())
                && EventTypes.PILOT_EVALUATION_OVERDUE.type().equals(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, events.size(), "exactly one overdue event");
        assertEquals("/evaluations", TopicReader.header(events.get(0), "ce_source"));
        assertTrue(events.get(0).value().contains("2031-01-10"));
        System.setProperty(OverdueAfterRestartTest.LATE_PILOT, late.toString()); // for the restarted application
    }
}
