package no.helsefellesskap.spread;

import no.helsefellesskap.model.events.AdoptionChanged;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelProven;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.model.events.OrganisationChanged;
import no.helsefellesskap.model.events.OutcomeReported;
import no.helsefellesskap.model.events.PilotEvaluationOverdue;
import no.helsefellesskap.model.events.TaskAssessed;
import no.helsefellesskap.model.events.TaskRegistered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small programme in a partnership of its own, written as the owning services' events: five pilots in every
 * status, one published evaluation with freed time, one overdue, one abandoned, a proven model and an adoption.
 */
final class DashboardData {

    static final String HF = "876543214";

    final String partnership;
    final String municipalityCode;
    /** Its own organisation number: adoptions count where the adopter is a member, and write() runs many times. */
    final String municipality = OrganisationPagesBrowserTest.freshOrgnr();
    final UUID model = UUID.randomUUID();
    final UUID task = UUID.randomUUID();
    UUID running;
    UUID evaluated;
    UUID overdue;
    UUID abandoned;
    UUID planned;
    UUID adoption = UUID.randomUUID();

    private DashboardData(String partnership) {
        this.partnership = partnership;
        this.municipalityCode = "test-kommune-" + partnership.toLowerCase();
    }

    static DashboardData write() {
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        DashboardData d = new DashboardData(code);
        Events.publish(EventTypes.ORGANISATION_CHANGED, "test-hf", new OrganisationChanged("test-hf", "HF",
                "Testsykehuset HF", HF, null, null, null, null, null));
        Events.municipality(d.municipalityCode, "Testkommune", d.municipality, "9901");
        Events.partnership(code, "Helsefellesskap " + code, d.municipalityCode);
        Events.publish(EventTypes.TASK_REGISTERED, d.task, new TaskRegistered(d.task, "Ta blodprøver", "Blood sampling",
                "BASIC_CARE", List.of(), List.of("SP"), false, List.of(), HF, Instant.now()));
        Events.publish(EventTypes.TASK_ASSESSED, d.task, new TaskAssessed(d.task, null, null, "PARTLY", List.of(),
                List.of("PORTOR"), List.of("VERTICAL_DOWN"), null, Instant.now()));
        Events.publish(EventTypes.MODEL_PUBLISHED, d.model, new ModelPublished(d.model, 1, null,
                "Portører tar blodprøver " + code, "TASK_TRANSFER", List.of(d.task), List.of("SP"), List.of("PORTOR"),
                List.of(), null, "MODERATE", "IN_PILOT", HF, Instant.now()));
        LocalDate today = LocalDate.now();
        d.running = Events.pilot("Pågående " + code, HF, code, List.of("FRAIL_ELDERLY"), List.of("SP"),
                List.of("PORTOR"), List.of(d.task), d.model);
        Events.status(EventTypes.PILOT_STARTED, d.running, HF, "PLANNED", "RUNNING", today, null);
        d.evaluated = Events.pilot("Evaluert " + code, HF, code, List.of("FRAIL_ELDERLY", "CHILDREN_YOUNG"),
                List.of("SP"), List.of("APOTEKTEKNIKER"), List.of(), null);
        Events.status(EventTypes.PILOT_STARTED, d.evaluated, HF, "PLANNED", "RUNNING", today.minusDays(200), null);
        Events.status(EventTypes.PILOT_COMPLETED, d.evaluated, HF, "RUNNING", "COMPLETED", today.minusDays(61), null);
        d.overdue = Events.pilot("Forsinket " + code, HF, code, List.of(), List.of(), List.of(), List.of(), null);
        Events.status(EventTypes.PILOT_COMPLETED, d.overdue, HF, "RUNNING", "COMPLETED", today.minusDays(400), null);
        Events.publish(EventTypes.PILOT_EVALUATION_OVERDUE, d.overdue, new PilotEvaluationOverdue(d.overdue, HF,
                today.minusDays(400), 12, Instant.now()));
        d.abandoned = Events.pilot("Avbrutt " + code, HF, code, List.of(), List.of(), List.of(), List.of(), null);
        Events.status(EventTypes.PILOT_ABANDONED, d.abandoned, HF, "RUNNING", "ABANDONED", today, "UNDER_USE");
        d.planned = Events.pilot("Planlagt " + code, HF, code, List.of(), List.of(), List.of(), List.of(), null);
        Events.published(d.evaluated, null, "SPREAD", List.of("CORE_TASK_TIME", "QUALITY"), 0.8, 0.2);
        Events.publish(EventTypes.MODEL_PROVEN, d.model, new ModelProven(d.model, 1, "test rule", List.of(),
                Instant.now()));
        Events.publish(EventTypes.ADOPTION_DECLARED, d.adoption, new AdoptionChanged(d.adoption, d.model, 1,
                d.municipality, d.running, null, "DECLARED", null, null, Instant.now(), java.time.LocalDate.now(), "DAY", null));
        return d;
    }

    /** A new event the dashboard must show: the planned pilot starts. */
    void startPlanned() {
        Events.status(EventTypes.PILOT_STARTED, planned, HF, "PLANNED", "RUNNING", LocalDate.now(), null);
    }

    /**
     * A pilot whose evaluation reports an outcome month by month: six points at one level, then six at another
     * (a shift on each side of the median 15.5), with the change made in between.
     */
    static UUID pilotWithSeries(String partnership) {
        UUID pilot = Events.pilot("Serie " + partnership, HF, partnership, List.of(), List.of("SP"), List.of("PORTOR"),
                List.of(), null);
        double[] values = {10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21};
        List<OutcomeReported.Measurement> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(new OutcomeReported.Measurement(LocalDate.of(2025, 1, 1).plusMonths(i + 1).minusDays(1), values[i]));
        }
        UUID evaluation = UUID.randomUUID();
        Events.publish(EventTypes.EVALUATION_PUBLISHED, evaluation, new EvaluationPublished(evaluation, pilot, null, null,
                "SPREAD", "MEASURED_BEFORE_AFTER", Instant.now(), List.of("CORE_TASK_TIME"), List.of(),
                List.of(new OutcomeReported("CORE_TASK_TIME", "samples taken by porters per week", "count", null, null,
                        "INCREASE", null, "ward records", series,
                        List.of(new OutcomeReported.Annotation(LocalDate.of(2025, 6, 15), "porters trained")))),
                LocalDate.now(), "DAY", null));
        return pilot;
    }
}
