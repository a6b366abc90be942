package no.helsefellesskap.tasks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.TaskAssessed;
import no.helsefellesskap.model.events.TaskRegistered;
import no.helsefellesskap.model.events.TaskReservationFlagged;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;
import no.helsefellesskap.tasks.domain.Task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TaskService {

    /** What a registrar states when entering a task. */
    public record Registration(String nameNb, String nameEn, String description, String category, List<String> settings,
                               String serviceLevel, List<String> currentPerformerGroups, List<String> reservedFor,
                               String reservationReason, String reservationSource, List<String> legalBasis,
                               String riskLevel, List<String> sourceRefs) {
    }

    /** The six-step assessment (a volume, b responsibility, c formal health competence, d competences, e-f performers). */
    public record Assessment(Double volumeAmount, String volumeUnit, String volumeMethod, String responsibilities,
                             String requiresFormalHealthCompetence, List<Task.RequiredCompetence> requiredCompetences,
                             List<Task.CandidateGroup> candidateGroups, List<String> sharingDirections, String riskLevel) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CodeCheck codes;

    @Inject
    PersonnelGroups groups;

    @Inject
    EntityManager em;

    @Transactional
    public Task register(Registration r, String ownerOrgnr) {
        CodeCheck.Errors e = codes.errors()
                .term(Vocabulary.TASK_CATEGORY, "category", r.category())
                .terms(Vocabulary.SETTING, "settings", r.settings())
                .term(Vocabulary.SERVICE_LEVEL, "serviceLevel", r.serviceLevel())
                .groups("currentPerformerGroups", r.currentPerformerGroups())
                .groups("reservedFor", r.reservedFor())
                .terms(Vocabulary.LEGAL_BASIS, "legalBasis", r.legalBasis())
                .term(Vocabulary.RISK_LEVEL, "riskLevel", r.riskLevel());
        if (!nullToEmpty(r.reservedFor()).isEmpty() && blank(r.reservationReason())) {
            e.add("reservationReason", "a reserved task states why it is reserved");
        }
        e.throwIfAny();
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.nameNb = r.nameNb().strip();
        t.nameEn = r.nameEn();
        t.description = r.description();
        t.category = r.category();
        t.settings = nullToEmpty(r.settings());
        t.serviceLevel = r.serviceLevel();
        t.currentGroups = nullToEmpty(r.currentPerformerGroups());
        t.reservedFor = nullToEmpty(r.reservedFor());
        t.reservationReason = r.reservationReason();
        t.reservationSource = r.reservationSource();
        t.legalBasis = nullToEmpty(r.legalBasis());
        t.riskLevel = r.riskLevel();
        t.sourceRefs = nullToEmpty(r.sourceRefs());
        t.ownerOrgnr = ownerOrgnr;
        t.registeredAt = now();
        t.persist();
        outbox.emit(EventTypes.TASK_REGISTERED, t.id, new TaskRegistered(t.id, t.nameNb, t.nameEn, t.category,
                t.settings, t.currentGroups, t.reserved(), t.reservedFor, ownerOrgnr, t.registeredAt));
        return t;
    }

    /**
     * Records the six-step assessment. Rules: codes must be known; a clinical procedure's candidate group needs
     * training and supervision (NOU 2023:4 L9973-9979); giving a reserved task to a group it is not reserved for
     * needs a forsvarlighet justification (hpl § 4), and is flagged.
     */
    @Transactional
    public Task assess(UUID id, Assessment a, String callerOrgnr) {
        Task t = get(id);
        if (!t.ownerOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only organisation " + t.ownerOrgnr + " may assess this task");
        }
        List<Task.RequiredCompetence> required = nullToEmpty(a.requiredCompetences());
        List<Task.CandidateGroup> candidates = nullToEmpty(a.candidateGroups());
        CodeCheck.Errors e = codes.errors()
                .term(Vocabulary.FORMAL_HEALTH_COMPETENCE, "requiresFormalHealthCompetence", a.requiresFormalHealthCompetence())
                .term(Vocabulary.VOLUME_UNIT, "volume.unit", a.volumeUnit())
                .terms(Vocabulary.SHARING_DIRECTION, "sharingDirections", a.sharingDirections())
                .term(Vocabulary.RISK_LEVEL, "riskLevel", a.riskLevel());
        for (int i = 0; i < required.size(); i++) {
            e.competence("requiredCompetences[" + i + "].competence", required.get(i).competence());
        }
        List<Task.CandidateGroup> flagged = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Task.CandidateGroup c = candidates.get(i);
            String at = "candidateGroups[" + i + "]";
            e.group(at + ".group", c.group());
            e.terms(Vocabulary.CANDIDATE_CONDITION, at + ".conditions", c.conditions());
            Set<String> conditions = new HashSet<>(nullToEmpty(c.conditions()));
            if (t.clinicalProcedure() && !(conditions.contains("TRAINING") && conditions.contains("SUPERVISION"))) {
                e.add(at + ".conditions", "a clinical procedure moved to " + c.group()
                        + " needs TRAINING and SUPERVISION conditions (NOU 2023:4 L9973-9979)");
            }
            if (t.reserved() && !t.reservedFor.contains(c.group())) {
                if (blank(c.forsvarlighetJustification())) {
                    e.add(at + ".forsvarlighetJustification", "the task is reserved for " + t.reservedFor
                            + "; giving it to " + c.group() + " needs an explicit forsvarlighet justification (hpl § 4)");
                } else {
                    flagged.add(c);
                }
            }
        }
        e.throwIfAny();
        t.volumeAmount = a.volumeAmount();
        t.volumeUnit = a.volumeUnit();
        t.volumeMethod = a.volumeMethod();
        t.responsibilities = a.responsibilities();
        t.requiresFormalHealthCompetence = a.requiresFormalHealthCompetence();
        t.requiredCompetences = required;
        t.candidateGroups = candidates;
        t.sharingDirections = nullToEmpty(a.sharingDirections());
        if (a.riskLevel() != null) {
            t.riskLevel = a.riskLevel();
        }
        t.assessedAt = now();
        outbox.emit(EventTypes.TASK_ASSESSED, t.id, new TaskAssessed(t.id, t.volumeAmount, t.volumeUnit,
                t.requiresFormalHealthCompetence, required.stream().map(Task.RequiredCompetence::competence).toList(),
                candidates.stream().map(Task.CandidateGroup::group).toList(), t.sharingDirections, t.riskLevel, t.assessedAt));
        for (Task.CandidateGroup c : flagged) {
            flagReservation(t, c.group(), null, c.forsvarlighetJustification());
        }
        return t;
    }

    void flagReservation(Task t, String group, UUID modelId, String justification) {
        outbox.emit(EventTypes.TASK_RESERVATION_FLAGGED, t.id,
                new TaskReservationFlagged(t.id, t.reservedFor, group, modelId, justification, now()));
    }

    public Task get(UUID id) {
        Task t = Task.findById(id);
        if (t == null) {
            throw ProblemException.notFound("Task", id);
        }
        return t;
    }

    /**
     * Filtered list. {@code universityEducatedPerformer} finds tasks done today by a group with a university
     * education; with {@code requiresFormalHealthCompetence=NO} that is the commission's "Johansen" opportunity.
     */
    @SuppressWarnings("unchecked")
    public List<Task> find(String performedBy, String requiresFormalHealthCompetence, Boolean universityEducatedPerformer,
                           String category) {
        StringBuilder sql = new StringBuilder("select * from task t where 1=1");
        List<Object> params = new ArrayList<>();
        if (performedBy != null) {
            params.add(String.valueOf(performedBy));
            sql.append(" and t.current_groups @> jsonb_build_array(cast(?").append(params.size()).append(" as text))");
        }
        if (requiresFormalHealthCompetence != null) {
            params.add(requiresFormalHealthCompetence);
            sql.append(" and t.requires_formal_health_competence = ?").append(params.size());
        }
        if (category != null) {
            params.add(category);
            sql.append(" and t.category = ?").append(params.size());
        }
        if (Boolean.TRUE.equals(universityEducatedPerformer)) {
            List<String> university = groups.all().stream().filter(g -> g.universityEducated()).map(g -> g.code()).toList();
            params.add(university.toArray(String[]::new));
            sql.append(" and exists (select 1 from jsonb_array_elements_text(t.current_groups) g where g = any(?")
                    .append(params.size()).append("))");
        }
        sql.append(" order by t.name_nb");
        var q = em.createNativeQuery(sql.toString(), Task.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? new ArrayList<>() : new ArrayList<>(l);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
