package no.helsefellesskap.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.runtime.retention.Retention;
import no.helsefellesskap.runtime.testapp.WidgetService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Old bookkeeping rows go; unsent outbox rows and recent rows stay. Each check runs in a transaction rolled back. */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class RetentionTest {

    @Inject
    WidgetService widgets;

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    @Test
    void onlyOutboxRowsKafkaAcknowledgedLongAgoAreRemoved() {
        UUID oldSent = widgets.create("retention old " + UUID.randomUUID(), false);
        UUID freshSent = widgets.create("retention fresh " + UUID.randomUUID(), false);
        UUID unsent = widgets.create("retention unsent " + UUID.randomUUID(), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox_event where sent_at is "
                + "null and aggregateid in " + in(oldSent, freshSent, unsent)) == 0);
        rolledBack(() -> {
            exec("update outbox_event set sent_at = now() - interval '2 hours' where aggregateid = '" + oldSent + "'");
            // unsent and two hours old: whatever its age, it is still to be published
            exec("update outbox_event set sent_at = null, timestamp = now() - interval '2 hours' where aggregateid = '"
                    + unsent + "'");
            retention.removeSentOutbox(Duration.ofHours(1), 1000);
            assertEquals(0L, count("select count(*) from outbox_event where aggregateid = '" + oldSent + "'"));
            assertEquals(1L, count("select count(*) from outbox_event where aggregateid = '" + freshSent + "'"));
            assertEquals(1L, count("select count(*) from outbox_event where aggregateid = '" + unsent + "'"));
        });
    }

    @Test
    void inboxRowsPastTheirKeepTimeAreRemovedInBatches() {
        String consumer = "retention-test-" + UUID.randomUUID();
        rolledBack(() -> {
            for (int i = 0; i < 7; i++) {
                exec("insert into inbox_event (consumer, event_id, processed_at) values ('" + consumer + "', 'old-" + i
                        + "', now() - interval '31 days')");
            }
            exec("insert into inbox_event (consumer, event_id, processed_at) values ('" + consumer + "', 'recent', "
                    + "now() - interval '29 days')");
            assertEquals(5, retention.removeInbox(Duration.ofDays(30), 5), "a full batch");
            assertEquals(2, retention.removeInbox(Duration.ofDays(30), 5), "the rest");
            assertEquals(0, retention.removeInbox(Duration.ofDays(30), 5), "nothing more");
            assertEquals(1L, count("select count(*) from inbox_event where consumer = '" + consumer + "'"));
        });
    }

    /** Runs the checks in a transaction of their own and rolls it back, so nothing is left behind. */
    private static void rolledBack(Runnable checks) {
        class Rollback extends RuntimeException {
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                checks.run();
                throw new Rollback();
            });
        } catch (Rollback expected) {
            // done
        }
    }

    private static String in(UUID... ids) {
        StringBuilder sb = new StringBuilder("(");
        for (UUID id : ids) {
            sb.append(sb.length() > 1 ? "," : "").append('\'').append(id).append('\'');
        }
        return sb.append(')').toString();
    }

    private void exec(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }

    private long count(String sql) {
        return QuarkusTransaction.joiningExisting().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
