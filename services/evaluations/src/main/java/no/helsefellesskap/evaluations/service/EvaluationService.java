package no.helsefellesskap.evaluations.service;

import no.helsefellesskap.runtime.time.SuiteClock;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.data.Db;
import jakarta.transaction.Transactional;
import no.helsefellesskap.evaluations.domain.Evaluation;
import no.helsefellesskap.evaluations.domain.KnownPilot;
import no.helsefellesskap.evaluations.domain.OutcomeRules;
import no.helsefellesskap.evaluations.freedtime.FreedTimeCalculator;
import no.helsefellesskap.model.codes.DatePrecision;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EvaluationDrafted;
import no.helsefellesskap.model.events.EvaluationPublished;
import no.helsefellesskap.model.events.FreedTimeScenario;
import no.helsefellesskap.model.events.OutcomeReported;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class EvaluationService {

    /** The content of an evaluation as its evaluator writes it. */
    public record Content(String evaluatorKind, String design, LocalDate periodFrom, LocalDate periodTo,
                          List<Evaluation.Outcome> outcomes, List<String> adverseEffects, String evidenceLevel,
                          Evaluation.ReAim reAim, List<String> barriers, List<String> enablers, String recommendation,
                          List<FreedTimeCalculator.Line> freedTime, ReportDate reportPublished,
                          Boolean reportPublishedUnknown) {
    }

    /** When a report was published, how exactly the source dates it, and where it says so. */
    public record ReportDate(LocalDate date, String precision, String source) {
    }

    /** NONE: the evaluation (e.g. a published report) makes no recommendation; it still shares its outcomes. */

    @Inject
    Outbox outbox;

    @Inject
    CodeCheck codes;

    @Inject
    FreedTimeCalculator calculator;

    @Inject
    ObjectMapper json;

    @Inject
    Db db;

    @Inject
    SuiteClock clock;

    @Inject
    ProvenModels proven;

    @Transactional
    public Evaluation draft(UUID pilotId, Content c, String evaluatorOrgnr) {
        KnownPilot pilot = KnownPilot.findById(pilotId);
        if (pilot == null) {
            throw ProblemException.invalid("pilotId", "no pilot " + pilotId + " is known to the evaluations service");
        }
        requireMayEvaluate(pilot, evaluatorOrgnr);
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.pilotId = pilotId;
        e.evaluatorOrgnr = evaluatorOrgnr;
        e.status = "DRAFT";
        e.draftedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        apply(e, c);
        e.persist();
        outbox.emit(EventTypes.EVALUATION_DRAFTED, e.id,
                new EvaluationDrafted(e.id, e.pilotId, e.evaluatorOrgnr, e.design, e.draftedAt));
        return e;
    }

    @Transactional
    public Evaluation update(UUID id, Content c, String callerOrgnr) {
        Evaluation e = ownDraft(id, callerOrgnr);
        apply(e, c);
        return e;
    }

    /** Publishes a draft; a model version whose published evaluations meet the evidence rule becomes proven. */
    @Transactional
    public Evaluation publish(UUID id, String callerOrgnr) {
        Evaluation e = ownDraft(id, callerOrgnr);
        CodeCheck.Errors errors = codes.errors();
        if (e.recommendation == null) {
            errors.add("recommendation", "a published evaluation recommends SPREAD, SPREAD_WITH_CONDITIONS, MORE_EVIDENCE or STOP, or says NONE");
        }
        if (e.outcomes.isEmpty()) {
            errors.add("outcomes", "a published evaluation reports at least one outcome (numbers or a qualitative statement)");
        }
        if (e.evidenceLevel == null) {
            errors.add("evidenceLevel", "a published evaluation states its evidence level");
        }
        if (e.freedTime != null && e.freedTime.get("lines") instanceof List<?> lines) {
            for (int i = 0; i < lines.size(); i++) {
                Map<?, ?> line = (Map<?, ?>) ((Map<?, ?>) lines.get(i)).get("line");
                if (line.get("scope") == null) {
                    errors.add("freedTime[" + i + "].scope", "a published freed-time line states where it applies: "
                            + "PILOT_SITES (the pilot's own sites), REGION or NATIONAL");
                }
                if (line.get("basis") == null) {
                    errors.add("freedTime[" + i + "].basis", "a published freed-time line states whether it was MEASURED "
                            + "at the sites or ESTIMATED by calculation");
                }
            }
        }
        errors.throwIfAny();
        KnownPilot pilot = KnownPilot.findById(e.pilotId);
        e.status = "PUBLISHED";
        e.publishedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        if (e.reportPublishedOn == null && !e.reportPublishedUnknown) {
            // published here and now: the suite is the source
            e.reportPublishedOn = clock.today();
            e.reportPublishedPrecision = "DAY";
        }
        e.modelId = pilot.modelId;
        e.modelVersion = pilot.modelVersion;
        e.pilotStatusAtPublication = pilot.status;
        outbox.emit(EventTypes.EVALUATION_PUBLISHED, e.id, new EvaluationPublished(e.id, e.pilotId, e.modelId,
                e.modelVersion, e.recommendation, e.evidenceLevel, e.publishedAt,
                e.outcomes.stream().map(Evaluation.Outcome::dimension).distinct().toList(), freedTimeTotals(e),
                e.outcomes.stream().map(o -> new OutcomeReported(o.dimension(), o.metric(), o.unit(), o.baselineValue(),
                        o.resultValue(), o.direction(), o.qualitativeStatement(), o.source(), o.series(),
                        o.annotations())).toList(),
                e.reportPublishedOn, e.reportPublishedPrecision, e.reportPublishedSource));
        if (e.modelId != null) {
            proven.judge(e.modelId, e.modelVersion);
        }
        return e;
    }

    /** The owner of a pilot commissions an outside evaluator organisation for it. */
    @Transactional
    public void commission(UUID pilotId, String evaluatorOrgnr, String callerOrgnr) {
        KnownPilot pilot = pilot(pilotId);
        if (!pilot.ownerOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only the owner " + pilot.ownerOrgnr + " commissions evaluations of this pilot");
        }
        db.update("insert into commission (pilot_id, evaluator_orgnr, commissioned_at) values (?, ?, now()) on conflict do nothing",
                pilotId, evaluatorOrgnr);
    }

    /** Published evaluations are open to every authenticated caller; a draft only to its author's organisation. */
    public Evaluation get(UUID id, String callerOrgnr) {
        Evaluation e = Evaluation.findById(id);
        if (e == null || ("DRAFT".equals(e.status) && !e.evaluatorOrgnr.equals(callerOrgnr))) {
            throw ProblemException.notFound("Evaluation", id);
        }
        return e;
    }

    public List<Evaluation> ofPilot(UUID pilotId, String callerOrgnr) {
        return Evaluation.<Evaluation>list("pilotId = ?1 order by draftedAt", pilotId).stream()
                .filter(e -> "PUBLISHED".equals(e.status) || e.evaluatorOrgnr.equals(callerOrgnr)).toList();
    }

    public KnownPilot pilot(UUID id) {
        KnownPilot p = KnownPilot.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Pilot", id);
        }
        return p;
    }

    private void requireMayEvaluate(KnownPilot pilot, String orgnr) {
        boolean commissioned = db.one("select 1 from commission where pilot_id = ? and evaluator_orgnr = ?", rs -> true,
                pilot.pilotId, orgnr).isPresent();
        if (!pilot.ownerOrgnr.equals(orgnr) && !pilot.partners.contains(orgnr) && !commissioned) {
            throw ProblemException.forbidden("Organisation " + orgnr + " neither owns, partners in nor is commissioned for pilot " + pilot.pilotId);
        }
    }

    private Evaluation ownDraft(UUID id, String callerOrgnr) {
        Evaluation e = Evaluation.findById(id);
        if (e == null || ("DRAFT".equals(e.status) && !e.evaluatorOrgnr.equals(callerOrgnr))) {
            throw ProblemException.notFound("Evaluation", id);
        }
        if (!e.evaluatorOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only the evaluator organisation " + e.evaluatorOrgnr + " changes this evaluation");
        }
        if (!"DRAFT".equals(e.status)) {
            throw ProblemException.conflict("A published evaluation is not changed");
        }
        return e;
    }

    private void apply(Evaluation e, Content c) {
        CodeCheck.Errors errors = codes.errors()
                .term(Vocabulary.EVALUATION_DESIGN, "design", c.design())
                .term(Vocabulary.EVIDENCE_LEVEL, "evidenceLevel", c.evidenceLevel())
                .terms(Vocabulary.BARRIER, "barriers", c.barriers())
                .terms(Vocabulary.ENABLER, "enablers", c.enablers());
        if (c.evaluatorKind() != null && !Set.of("INTERNAL", "EXTERNAL").contains(c.evaluatorKind())) {
            errors.add("evaluatorKind", "INTERNAL or EXTERNAL");
        }
        errors.term(Vocabulary.RECOMMENDATION, "recommendation", c.recommendation());
        if (c.periodFrom() != null && c.periodTo() != null && c.periodTo().isBefore(c.periodFrom())) {
            errors.add("periodTo", "ends before it starts");
        }
        List<Evaluation.Outcome> outcomes = c.outcomes() == null ? List.of() : c.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            Evaluation.Outcome o = outcomes.get(i);
            String at = "outcomes[" + i + "]";
            if (o == null) {
                errors.add(at, "must not be null");
                continue;
            }
            errors.term(Vocabulary.OUTCOME_DIMENSION, at + ".dimension", o.dimension());
            errors.term(Vocabulary.OUTCOME_DIRECTION, at + ".direction", o.direction());
            OutcomeRules.problems(o, at).forEach(errors::add);
        }
        Map<String, Object> freed = null;
        if (c.freedTime() != null && !c.freedTime().isEmpty()) {
            try {
                freed = json.convertValue(calculator.calculate(c.freedTime()), new TypeReference<>() { });
            } catch (FreedTimeCalculator.InvalidInput ex) {
                errors.add("freedTime." + ex.field(), ex.getMessage());
            }
        }
        ReportDate reported = c.reportPublished();
        boolean unknown = Boolean.TRUE.equals(c.reportPublishedUnknown());
        if (reported != null) {
            if (unknown) {
                errors.add("reportPublishedUnknown", "cannot be true when reportPublished gives the date");
            }
            if (reported.date() == null) {
                errors.add("reportPublished.date", "is required (or \"reportPublishedUnknown\": true when the source does not give it)");
            } else if (reported.date().isAfter(clock.today())) {
                errors.add("reportPublished.date", "is in the future");
            }
            errors.term(Vocabulary.DATE_PRECISION, "reportPublished.precision", reported.precision());
            if (reported.source() != null && reported.source().length() > 500) {
                errors.add("reportPublished.source", "is longer than 500 characters");
            }
        }
        errors.throwIfAny();
        String precision = reported == null || reported.precision() == null ? "DAY" : reported.precision();
        e.reportPublishedUnknown = unknown;
        e.reportPublishedOn = reported == null ? null : DatePrecision.startOf(reported.date(), precision);
        e.reportPublishedPrecision = reported == null ? null : precision;
        e.reportPublishedSource = reported == null ? null : reported.source();
        e.evaluatorKind = c.evaluatorKind();
        e.design = c.design() == null ? "REPORT_REVIEW" : c.design();
        e.periodFrom = c.periodFrom();
        e.periodTo = c.periodTo();
        e.outcomes = new ArrayList<>(outcomes.stream().map(Evaluation.Outcome::inDateOrder).toList());
        e.adverseEffects = c.adverseEffects() == null ? new ArrayList<>() : new ArrayList<>(c.adverseEffects());
        e.evidenceLevel = c.evidenceLevel();
        e.reAim = c.reAim();
        e.barriers = c.barriers() == null ? new ArrayList<>() : new ArrayList<>(c.barriers());
        e.enablers = c.enablers() == null ? new ArrayList<>() : new ArrayList<>(c.enablers());
        e.recommendation = c.recommendation();
        e.freedTime = freed;
    }

    /** The calculation's totals per scenario, as carried on the published event (aggregates, in årsverk). */
    @SuppressWarnings("unchecked")
    static List<FreedTimeScenario> freedTimeTotals(Evaluation e) {
        if (e.freedTime == null || !(e.freedTime.get("byScope") instanceof List<?> groups)) {
            return null;
        }
        List<FreedTimeScenario> out = new ArrayList<>();
        for (Object g : groups) {
            Map<String, Object> group = (Map<String, Object>) g;
            Map<String, Object> totals = (Map<String, Object>) group.get("totals");
            Map<String, Number> gross = (Map<String, Number>) totals.get("grossFreed");
            Map<String, Number> extra = (Map<String, Number>) totals.get("extraTime");
            Map<String, Number> net = (Map<String, Number>) totals.get("net");
            for (String s : FreedTimeCalculator.SCENARIOS) {
                out.add(new FreedTimeScenario(s, gross.get(s).doubleValue(), extra.get(s).doubleValue(),
                        net.get(s).doubleValue(), (String) group.get("scope"), (String) group.get("basis")));
            }
        }
        return out;
    }
}
