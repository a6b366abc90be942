package no.helsefellesskap.evaluations.service;

import no.helsefellesskap.runtime.time.SuiteClock;
import no.helsefellesskap.runtime.data.Db;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PilotEvaluationOverdue;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.model.rules.EvaluationOverdue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Pilots COMPLETED more than N months ago with no published evaluation (the shared {@link EvaluationOverdue} rule,
 * which spread's dashboard applies to the same facts). Each is announced once: the fact is stored
 * with the event in one transaction, so a restart does not announce it again.
 */
@ApplicationScoped
public class OverdueService {

    @Inject
    Db db;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SuiteClock clock;

    @ConfigProperty(name = EvaluationOverdue.SETTING, defaultValue = "12")
    int months;

    @Scheduled(every = "${evaluations.overdue-check:1h}", delayed = "30s")
    void scheduled() {
        check();
    }

    /** @return how many pilots became overdue in this check */
    @Transactional
    public int check() {
        List<KnownPilot> due = overdueNow();
        int announced = 0;
        for (KnownPilot p : due) {
            int inserted = db.update("insert into overdue_pilot (pilot_id, detected_at) values (?, ?) on conflict do nothing",
                    p.pilotId, clock.now());
            if (inserted == 1) {
                outbox.emit(EventTypes.PILOT_EVALUATION_OVERDUE, p.pilotId, new PilotEvaluationOverdue(p.pilotId,
                        p.ownerOrgnr, p.endedOn, months, clock.now().truncatedTo(ChronoUnit.MICROS)));
                announced++;
            }
        }
        return announced;
    }

    /** The pilots overdue today. */
    public List<KnownPilot> overdueNow() {
        return overdue(new EvaluationOverdue(months).completedBefore(clock.today()));
    }

    @SuppressWarnings("unchecked")
    private List<KnownPilot> overdue(LocalDate cutoff) {
        return em.createNativeQuery("""
                        select p.* from known_pilot p
                         where p.status = 'COMPLETED' and p.ended_on < ?1
                           and not exists (select 1 from evaluation e where e.pilot_id = p.pilot_id and e.status = 'PUBLISHED')
                         order by p.ended_on""", KnownPilot.class).setParameter(1, cutoff).getResultList();
    }

    public int months() {
        return months;
    }

}
