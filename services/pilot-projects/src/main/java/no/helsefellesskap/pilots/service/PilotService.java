package no.helsefellesskap.pilots.service;

import no.helsefellesskap.pilots.domain.Dated;
import no.helsefellesskap.runtime.data.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.json.JsonText;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.OrganisationNumber;
import no.helsefellesskap.model.codes.RoleMailbox;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.PartnerAnswered;
import no.helsefellesskap.model.events.PilotStatusChanged;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.pilots.domain.PilotPartner;
import no.helsefellesskap.pilots.domain.PilotPlan;
import no.helsefellesskap.pilots.mapping.PilotMapper;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PilotService {

    /** Today in the suite's time zone (Europe/Oslo), not the JVM's: a date given at 00:30 in Norway is that day. */
    @Inject
    no.helsefellesskap.runtime.time.SuiteClock clock;

    /** Service providers (trusts, municipalities, hospitals, pharmacies, their units) and KS, which runs projects for municipalities. */
    static final Set<String> OWNER_KINDS = Set.of("RHF", "HF", "HF_UNIT", "HOSPITAL_PHARMACY", "PRIVATE_NONPROFIT_HOSPITAL",
            "MUNICIPALITY", "MUNICIPAL_UNIT", "PHARMACY", "KS");

    @Inject
    Db db;

    @Inject
    JsonText jsonText;

    @Inject
    Outbox outbox;

    @Inject
    CodeCheck codes;

    @Inject
    OrganisationService organisations;

    @Inject
    PilotMapper mapper;

    @Transactional
    public Pilot register(PilotPlan r) {
        CodeCheck.Errors e = codes.errors()
                .groups("fromGroups", r.fromGroups()).groups("toGroups", r.toGroups())
                .terms(Vocabulary.PRIORITY_GROUP, "priorityGroups", r.priorityGroups())
                .terms(Vocabulary.SETTING, "settings", r.settings());
        var owner = organisations.byOrgnr(r.ownerOrgnr());
        if (owner.isEmpty() || !OWNER_KINDS.contains(owner.get().kind())) {
            e.add("ownerOrgnr", "the owner must be a health or care service provider known to the suite (" + OWNER_KINDS + ")");
        }
        List<Pilot.Staffing> staffing = list(r.staffing());
        for (int i = 0; i < staffing.size(); i++) {
            e.group("staffing[" + i + "].group", staffing.get(i).group());
        }
        List<Pilot.Precondition> pre = list(r.preconditions());
        for (int i = 0; i < pre.size(); i++) {
            e.term(Vocabulary.PRECONDITION, "preconditions[" + i + "].item", pre.get(i).item());
            e.term(Vocabulary.PRECONDITION_STATUS, "preconditions[" + i + "].status", pre.get(i).status());
        }
        List<String> partners = list(r.partnerOrgnrs());
        for (int i = 0; i < partners.size(); i++) {
            if (!OrganisationNumber.isValid(partners.get(i))) {
                e.add("partnerOrgnrs[" + i + "]", "must be a 9-digit organisation number with a valid mod-11 check digit");
            } else if (partners.get(i).equals(r.ownerOrgnr())) {
                e.add("partnerOrgnrs[" + i + "]", "the owner is not its own partner");
            }
        }
        if (r.modelId() != null) {
            if (r.modelVersion() == null) {
                e.add("modelVersion", "a model is referred to by id and version");
            } else if (!knownModelVersion(r.modelId(), r.modelVersion())) {
                e.add("modelVersion", "model " + r.modelId() + " version " + r.modelVersion() + " is not known to the task catalogue");
            }
        } else if (list(r.taskIds()).isEmpty()) {
            e.add("taskIds", "a pilot follows a model version or names its tasks");
        }
        List<UUID> tasks = list(r.taskIds());
        Set<UUID> known = knownTasks(tasks);
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == null) {
                e.add("taskIds[" + i + "]", "must not be null");
            } else if (!known.contains(tasks.get(i))) {
                e.add("taskIds[" + i + "]", "task " + tasks.get(i) + " is not known to the task catalogue (a task "
                        + "registered moments ago reaches this service within seconds)");
            }
        }
        if (r.plannedStart() != null && r.plannedEnd() != null && r.plannedEnd().isBefore(r.plannedStart())) {
            e.add("plannedEnd", "ends before it starts (" + r.plannedStart() + ")");
        }
        if (r.derivedFromPilot() != null && Pilot.findById(r.derivedFromPilot()) == null) {
            e.add("derivedFromPilot", "no pilot " + r.derivedFromPilot());
        }
        e.throwIfAny();

        Pilot p = new Pilot();
        mapper.plan(r, p);
        p.id = UUID.randomUUID();
        p.title = r.title().strip();
        p.contactMailbox = RoleMailbox.normal(r.contactMailbox());
        p.status = Pilot.Status.PLANNED;
        p.registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.partnership = organisations.partnershipOf(owner.get().code(), r.plannedStart() != null ? r.plannedStart() : clock.today()).orElse(null);
        p.persist();
        for (String orgnr : partners) {
            PilotPartner pp = new PilotPartner();
            pp.pilotId = p.id;
            pp.orgnr = orgnr;
            pp.answer = "INVITED";
            pp.persist();
        }
        outbox.emit(EventTypes.PILOT_REGISTERED, p.id, mapper.registered(p, partners));
        return p;
    }

    /**
     * PLANNED → RUNNING. The partnership is the owner's on the start date (today when the date is unknown), and stays
     * so if membership later changes. A null date is a start whose day the source does not give.
     */
    @Transactional
    public Pilot start(UUID id, Dated when, String callerOrgnr) {
        Pilot p = owned(id, callerOrgnr);
        require(p, Pilot.Status.RUNNING);
        Dated d = when.checked(codes);
        LocalDate date = d.date();
        LocalDate on = date != null ? date : clock.today();
        organisations.byOrgnr(p.ownerOrgnr).flatMap(o -> organisations.partnershipOf(o.code(), on))
                .ifPresent(code -> p.partnership = code);
        p.startedOn = date;
        p.startedPrecision = d.precision();
        p.startedSource = d.source();
        return transition(p, Pilot.Status.RUNNING, d, null, null, EventTypes.PILOT_STARTED);
    }

    /** RUNNING → COMPLETED; never straight from PLANNED. */
    @Transactional
    public Pilot complete(UUID id, Dated when, String callerOrgnr) {
        Pilot p = owned(id, callerOrgnr);
        require(p, Pilot.Status.COMPLETED);
        Dated d = when.checked(codes);
        LocalDate date = d.date();
        if (Pilot.endsBeforeStart(date, p.startedOn)) {
            throw ProblemException.invalid("date", "a pilot cannot end (" + date + ") before it started (" + p.startedOn + ")");
        }
        p.endedOn = date;
        p.endedPrecision = d.precision();
        p.endedSource = d.source();
        return transition(p, Pilot.Status.COMPLETED, d, null, null, EventTypes.PILOT_COMPLETED);
    }

    /** PLANNED or RUNNING → ABANDONED, with a reason from the list (OTHER needs a text). */
    @Transactional
    public Pilot abandon(UUID id, Dated when, String reason, String text, String callerOrgnr) {
        Pilot p = owned(id, callerOrgnr);
        Dated d = when.checked(codes);
        LocalDate date = d.date();
        require(p, Pilot.Status.ABANDONED);
        CodeCheck.Errors e = codes.errors().term(Vocabulary.ABANDONMENT_REASON, "reason", reason);
        if ("OTHER".equals(reason) && (text == null || text.isBlank())) {
            e.add("text", "reason OTHER is explained in text");
        }
        if (Pilot.endsBeforeStart(date, p.startedOn)) {
            e.add("date", "a pilot cannot be abandoned (" + date + ") before it started (" + p.startedOn + ")");
        }
        e.throwIfAny();
        p.endedOn = date;
        p.endedPrecision = d.precision();
        p.endedSource = d.source();
        p.abandonReason = reason;
        p.abandonText = text;
        return transition(p, Pilot.Status.ABANDONED, d, reason, text, EventTypes.PILOT_ABANDONED);
    }

    /** A partner answers for itself; nobody else, not even the owner, can answer for it. */
    @Transactional
    public PilotPartner answer(UUID id, String partnerOrgnr, boolean confirm, String comment, String callerOrgnr) {
        get(id);
        if (!partnerOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only organisation " + partnerOrgnr + " answers for its own participation");
        }
        PilotPartner pp = PilotPartner.find("pilotId = ?1 and orgnr = ?2", id, partnerOrgnr).firstResult();
        if (pp == null) {
            throw ProblemException.notFound("Partner", partnerOrgnr + " of pilot " + id);
        }
        pp.answer = confirm ? "CONFIRMED" : "DECLINED";
        pp.comment = comment;
        pp.answeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        outbox.emit(confirm ? EventTypes.PARTNER_CONFIRMED : EventTypes.PARTNER_DECLINED, id,
                new PartnerAnswered(id, partnerOrgnr, pp.answer, comment, pp.answeredAt));
        return pp;
    }

    private Pilot transition(Pilot p, Pilot.Status to, Dated d, String reason, String text, EventType specific) {
        Pilot.Status from = p.status;
        p.status = to;
        PilotStatusChanged change = new PilotStatusChanged(p.id, p.ownerOrgnr, from.name(), to.name(), d.date(), reason,
                text, p.partnership, Instant.now().truncatedTo(ChronoUnit.MICROS), d.precision(), d.source());
        outbox.emit(specific, p.id, change);
        outbox.emit(EventTypes.PILOT_STATUS_CHANGED, p.id, change);
        return p;
    }

    private static void require(Pilot p, Pilot.Status to) {
        if (!p.status.mayBecome(to)) {
            throw ProblemException.conflict(p.status.refusal(to));
        }
    }

    private Pilot owned(UUID id, String callerOrgnr) {
        Pilot p = get(id);
        if (!p.ownerOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only the owner organisation " + p.ownerOrgnr + " changes this pilot");
        }
        return p;
    }

    public Pilot get(UUID id) {
        Pilot p = Pilot.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Pilot", id);
        }
        return p;
    }

    public List<PilotPartner> partners(UUID id) {
        return PilotPartner.list("pilotId = ?1 order by orgnr", id);
    }

    Set<UUID> knownTasks(List<UUID> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).map(UUID::toString).toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(db.list("""
                select task_id from known_task where task_id::text in (select jsonb_array_elements_text(cast(? as jsonb)))""",
                rs -> Db.uuid(rs, "task_id"), jsonText.write(wanted)));
    }

    boolean knownModelVersion(UUID modelId, int version) {
        return db.one("select 1 from known_model_version where model_id = ? and version = ?", rs -> true, modelId, version)
                .isPresent();
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? new ArrayList<>() : new ArrayList<>(l);
    }
}
