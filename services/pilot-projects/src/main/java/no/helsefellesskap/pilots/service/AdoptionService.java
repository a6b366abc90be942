package no.helsefellesskap.pilots.service;

import no.helsefellesskap.pilots.domain.Dated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.AdoptionChanged;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.pilots.domain.Adoption;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Adoptions: the record of how a proven model spreads from organisation to organisation. */
@ApplicationScoped
public class AdoptionService {

    /** Today in the suite's time zone (Europe/Oslo), not the JVM's: a date given at 00:30 in Norway is that day. */
    @Inject
    no.helsefellesskap.runtime.time.SuiteClock clock;

    public record Lineage(UUID modelId, List<Pilot> pilots, List<Adoption> adoptions) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CodeCheck codes;

    @Inject
    PilotService pilots;

    @Inject
    OrganisationService organisations;

    @Transactional
    public Adoption declare(UUID modelId, int version, UUID learnedFromPilot, UUID learnedFromEvaluation,
                            Dated when, String adopterOrgnr) {
        Dated d = occurred(when);
        CodeCheck.Errors e = codes.errors();
        if (!pilots.knownModelVersion(modelId, version)) {
            e.add("modelVersion", "model " + modelId + " version " + version + " is not known to the task catalogue");
        }
        if (learnedFromPilot != null && Pilot.findById(learnedFromPilot) == null) {
            e.add("learnedFromPilot", "no pilot " + learnedFromPilot);
        }
        if (organisations.byOrgnr(adopterOrgnr).isEmpty()) {
            e.add("adopterOrgnr", "organisation " + adopterOrgnr + " is not known to the suite");
        }
        e.throwIfAny();
        Adoption a = new Adoption();
        a.id = UUID.randomUUID();
        a.modelId = modelId;
        a.modelVersion = version;
        a.adopterOrgnr = adopterOrgnr;
        a.learnedFromPilot = learnedFromPilot;
        a.learnedFromEvaluation = learnedFromEvaluation;
        a.status = "DECLARED";
        a.declaredAt = now();
        a.changedAt = a.declaredAt;
        dated(a, d);
        a.persist();
        emit(a, EventTypes.ADOPTION_DECLARED);
        return a;
    }

    @Transactional
    public Adoption complete(UUID id, Dated when, String callerOrgnr) {
        Adoption a = own(id, callerOrgnr);
        Dated d = occurred(when);
        a.status = "COMPLETED";
        a.changedAt = now();
        dated(a, d);
        emit(a, EventTypes.ADOPTION_COMPLETED);
        return a;
    }

    @Transactional
    public Adoption abandon(UUID id, String reason, String text, Dated when, String callerOrgnr) {
        Adoption a = own(id, callerOrgnr);
        Dated d = occurred(when);
        CodeCheck.Errors e = codes.errors().term(Vocabulary.ABANDONMENT_REASON, "reason", reason);
        if (reason == null) {
            e.add("reason", "an abandoned adoption states why");
        }
        if ("OTHER".equals(reason) && (text == null || text.isBlank())) {
            e.add("text", "reason OTHER is explained in text");
        }
        e.throwIfAny();
        a.status = "ABANDONED";
        a.reason = reason;
        a.reasonText = text;
        a.changedAt = now();
        dated(a, d);
        emit(a, EventTypes.ADOPTION_ABANDONED);
        return a;
    }

    public Adoption get(UUID id) {
        Adoption a = Adoption.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Adoption", id);
        }
        return a;
    }

    /** Pilots that followed the model and the adoptions that cite it: the model's spread so far. */
    public Lineage lineage(UUID modelId) {
        return new Lineage(modelId, Pilot.list("modelId = ?1 order by registeredAt", modelId),
                Adoption.list("modelId = ?1 order by declaredAt", modelId));
    }

    private Adoption own(UUID id, String callerOrgnr) {
        Adoption a = get(id);
        if (!a.adopterOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only the adopting organisation " + a.adopterOrgnr + " changes this adoption");
        }
        if (!"DECLARED".equals(a.status)) {
            throw ProblemException.conflict("The adoption is " + a.status + " already");
        }
        return a;
    }

    private void emit(Adoption a, EventType type) {
        outbox.emit(type, a.id, new AdoptionChanged(a.id, a.modelId, a.modelVersion, a.adopterOrgnr, a.learnedFromPilot,
                a.learnedFromEvaluation, a.status, a.reason, a.reasonText, a.changedAt, a.occurredOn, a.datePrecision,
                a.dateSource));
    }

    /** When it happened: as given (checked, a month or year as its first day, not in the future), else today. */
    private Dated occurred(Dated when) {
        Dated d = when.checked(codes);
        if (d.date() != null && d.date().isAfter(clock.today())) {
            throw ProblemException.invalid("date", "is in the future");
        }
        return d.date() != null ? d : new Dated(clock.today(), "DAY", d.source());
    }

    private static void dated(Adoption a, Dated d) {
        a.occurredOn = d.date();
        a.datePrecision = d.precision();
        a.dateSource = d.source();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
