package no.helsefellesskap.spread;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.infra.test.WebhookReceiver;
import no.helsefellesskap.model.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dispatcher never needs its safety-net poll: with it set to an hour, a new event, a retry after its back-off and
 * the next event of a queue (made the head when the previous one's delivery is recorded) all go out on their own.
 */
@QuarkusTest
@TestProfile(WebhookWakeTest.HourlyPoll.class)
@QuarkusTestResource(SuiteTestInfrastructure.class)
class WebhookWakeTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spread.webhook.poll-interval", "1h");
        }
    }

    @Test
    void newEventsRetriesAndEachQueuesNextEventAreSentWithoutWaitingForThePoll() throws Exception {
        String p = WebhookDeliveryTest.partnership();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.status = 503;
            Response s = WebhookDeliveryTest.subscribe(p, receiver.url());
            receiver.secret = s.path("secret");
            UUID pilot = Events.pilot("Utprøving som vekker", WebhookDeliveryTest.OWNER_HF, p, List.of(), List.of(),
                    List.of(), List.of(), null);
            Events.status(EventTypes.PILOT_STARTED, pilot, WebhookDeliveryTest.OWNER_HF, "PLANNED", "RUNNING",
                    LocalDate.now(), null);
            Events.status(EventTypes.PILOT_COMPLETED, pilot, WebhookDeliveryTest.OWNER_HF, "RUNNING", "COMPLETED",
                    LocalDate.now(), null);
            // the first attempt comes on the new item's wake, the second when its back-off (200 ms to 1 s) is due
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() >= 2);
            receiver.status = 200;
            // the three events of the pilot's queue, one after another: each recorded delivery makes the next due
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 3);
            assertEquals(List.of(EventTypes.PILOT_REGISTERED.type(), EventTypes.PILOT_STARTED.type(),
                            EventTypes.PILOT_COMPLETED.type()),
                    receiver.accepted().stream().map(WebhookReceiver.Request::type).toList());
        }
    }
}
