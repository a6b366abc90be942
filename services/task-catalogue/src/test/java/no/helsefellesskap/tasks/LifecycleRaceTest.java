package no.helsefellesskap.tasks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.helsefellesskap.infra.test.SuiteTestInfrastructure;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.tasks.domain.Lifecycle;
import no.helsefellesskap.tasks.service.ModelService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found on Kafka: evaluation.published (EVALUATED) and model.proven (PROVEN) for one model version applied by two
 * consumers at once, the later commit winning, so a version could end EVALUATED after ASSESSED-to-PROVEN was emitted.
 * Each round makes the second change read the version while the first has changed it and not yet committed, in both
 * orders, and checks that no transition is lost and the emitted ones chain (each from is the previous to).
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestInfrastructure.class)
class LifecycleRaceTest {

    /** Without the row lock every round lost a transition (400 of 400), so 50 per order still catch it at once. */
    static final int ROUNDS_PER_ORDER = 50;

    /** Named apart from the other tests' models, so these 100 do not crowd them out of searches. */
    static final String RACE_MODEL = Api.portersModelBody("%s", "Kappløpsmodell")
            .replace("Pasientportører tar blodprøver etter kurs holdt av bioingeniører", "Kappløpstest");

    @Inject
    ModelService models;

    @Inject
    EntityManager em;

    @Test
    void evaluatedAndProvenAppliedAtOnceInBothOrdersLoseNoTransition() throws Exception {
        String task = Api.bloodSampling();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> failures = new ArrayList<>();
        java.util.Set<Integer> failedRounds = new java.util.TreeSet<>();
        try {
            for (int round = 0; round < 2 * ROUNDS_PER_ORDER; round++) {
                UUID model = UUID.fromString(Api.post("/api/models", RACE_MODEL.replace("%s", task)).statusCode(201)
                        .extract().path("modelId"));
                boolean evaluationFirst = round % 2 == 0;
                Lifecycle first = evaluationFirst ? Lifecycle.EVALUATED : Lifecycle.PROVEN;
                Lifecycle second = evaluationFirst ? Lifecycle.PROVEN : Lifecycle.EVALUATED;
                CountDownLatch firstApplied = new CountDownLatch(1);
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                    models.applyEvidence(model, 1, first, "race " + first, null);
                    firstApplied.countDown();
                    sleep(5); // still uncommitted while the other change reads
                }), pool);
                CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
                    await(firstApplied);
                    QuarkusTransaction.requiringNew().run(() -> models.applyEvidence(model, 1, second, "race " + second, null));
                }, pool);
                CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

                List<String[]> transitions = transitions(model);
                String state = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select lifecycle from model_version where model_id = ?1 and version = 1")
                        .setParameter(1, model).getSingleResult());
                String previous = "PROPOSED";
                for (String[] t : transitions) {
                    if (!t[0].equals(previous)) {
                        failedRounds.add(round);
                        failures.add(round + " (" + first + " first): transition " + t[0] + "->" + t[1] + " after " + previous);
                    }
                    previous = t[1];
                }
                if (!"PROVEN".equals(state) || !previous.equals(state)) {
                    failedRounds.add(round);
                    failures.add(round + " (" + first + " first): ended " + state + ", last emitted " + previous);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failedRounds.size() + " of " + 2 * ROUNDS_PER_ORDER + " rounds lost a transition: "
                + failures.subList(0, Math.min(10, failures.size())));
    }

    @SuppressWarnings("unchecked")
    private List<String[]> transitions(UUID model) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select payload->>'from', payload->>'to' from outbox_event
                where aggregateid = ?1 and type = ?2 order by seq""").setParameter(1, model.toString())
                .setParameter(2, EventTypes.MODEL_LIFECYCLE_CHANGED.type()).getResultList());
        return rows.stream().map(r -> new String[] {(String) r[0], (String) r[1]}).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
