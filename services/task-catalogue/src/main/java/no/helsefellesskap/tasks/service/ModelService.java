package no.helsefellesskap.tasks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.Vocabulary;
import no.helsefellesskap.model.events.CompetenceRequirement;
import no.helsefellesskap.model.events.EventType;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.ModelLifecycleChanged;
import no.helsefellesskap.model.events.ModelPublished;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.validation.CodeCheck;
import no.helsefellesskap.tasks.domain.Lifecycle;
import no.helsefellesskap.tasks.domain.ModelVersion;
import no.helsefellesskap.tasks.domain.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ModelService {

    /** The content of a model version, as its owner states it. */
    public record Content(String name, String description, String modelType, List<UUID> taskIds, List<String> fromGroups,
                          List<String> toGroups, List<String> coreComponents, List<String> adaptableComponents,
                          List<CompetenceRequirement> requiredCompetences, String signOffScheme, String evidenceLevel,
                          String forsvarlighetJustification, List<String> sourceRefs) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CodeCheck codes;

    @Inject
    TaskService tasks;

    @Inject
    EntityManager em;

    @Transactional
    public ModelVersion publish(Content c, String ownerOrgnr) {
        return store(UUID.randomUUID(), 1, null, c, ownerOrgnr, EventTypes.MODEL_PUBLISHED);
    }

    /** A new version; earlier versions stay as they were. */
    @Transactional
    public ModelVersion newVersion(UUID modelId, Content c, String callerOrgnr) {
        ModelVersion latest = latest(modelId);
        if (!latest.ownerOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only organisation " + latest.ownerOrgnr + " may version this model");
        }
        return store(modelId, latest.key.version + 1, latest.key.version, c, latest.ownerOrgnr, EventTypes.MODEL_VERSIONED);
    }

    private ModelVersion store(UUID modelId, int version, Integer previous, Content c, String owner, EventType event) {
        List<Task> moved = validate(c);
        ModelVersion m = new ModelVersion();
        m.key = new ModelVersion.Key(modelId, version);
        m.previousVersion = previous;
        m.name = c.name().strip();
        m.description = c.description();
        m.modelType = c.modelType();
        m.taskIds = TaskService.nullToEmpty(c.taskIds());
        m.fromGroups = TaskService.nullToEmpty(c.fromGroups());
        m.toGroups = TaskService.nullToEmpty(c.toGroups());
        m.coreComponents = TaskService.nullToEmpty(c.coreComponents());
        m.adaptableComponents = TaskService.nullToEmpty(c.adaptableComponents());
        m.requiredCompetences = TaskService.nullToEmpty(c.requiredCompetences());
        m.signOffScheme = c.signOffScheme();
        m.evidenceLevel = c.evidenceLevel();
        m.forsvarlighetJustification = c.forsvarlighetJustification();
        m.sourceRefs = TaskService.nullToEmpty(c.sourceRefs());
        m.lifecycle = Lifecycle.PROPOSED.name();
        m.publishedAt = TaskService.now();
        m.lifecycleChangedAt = m.publishedAt;
        m.ownerOrgnr = owner;
        m.persist();
        outbox.emit(event, modelId, view(m));
        for (Task t : moved) {
            for (String to : m.toGroups) {
                if (!t.reservedFor.contains(to)) {
                    tasks.flagReservation(t, to, modelId, m.forsvarlighetJustification);
                }
            }
        }
        return m;
    }

    /** @return the reserved tasks this model gives to a group they are not reserved for (already justified) */
    private List<Task> validate(Content c) {
        CodeCheck.Errors e = codes.errors()
                .term(Vocabulary.MODEL_TYPE, "modelType", c.modelType())
                .groups("fromGroups", c.fromGroups())
                .groups("toGroups", c.toGroups())
                .signOffScheme("signOffScheme", c.signOffScheme())
                .term(Vocabulary.EVIDENCE_LEVEL, "evidenceLevel", c.evidenceLevel());
        List<CompetenceRequirement> reqs = TaskService.nullToEmpty(c.requiredCompetences());
        for (int i = 0; i < reqs.size(); i++) {
            e.competence("requiredCompetences[" + i + "].competence", reqs.get(i).competence());
            e.group("requiredCompetences[" + i + "].personnelGroup", reqs.get(i).personnelGroup());
            if (reqs.get(i).minimumHeadcount() < 0) {
                e.add("requiredCompetences[" + i + "].minimumHeadcount", "must be 0 or more");
            }
        }
        List<Task> reservedMoves = new ArrayList<>();
        List<UUID> taskIds = TaskService.nullToEmpty(c.taskIds());
        List<String> to = TaskService.nullToEmpty(c.toGroups());
        boolean clinical = false;
        for (int i = 0; i < taskIds.size(); i++) {
            Task t = Task.findById(taskIds.get(i));
            if (t == null) {
                e.add("taskIds[" + i + "]", "no task " + taskIds.get(i) + " in the catalogue");
                continue;
            }
            clinical |= t.clinicalProcedure();
            if (t.reserved() && to.stream().anyMatch(g -> !t.reservedFor.contains(g))) {
                reservedMoves.add(t);
            }
        }
        if (!reservedMoves.isEmpty() && TaskService.blank(c.forsvarlighetJustification())) {
            e.add("forsvarlighetJustification", "task '" + reservedMoves.get(0).nameNb + "' is reserved for "
                    + reservedMoves.get(0).reservedFor + "; moving it to " + to + " needs an explicit forsvarlighet justification (hpl § 4)");
        }
        if (clinical && c.signOffScheme() == null) {
            e.add("signOffScheme", "a model that moves a clinical procedure names the sign-off scheme that gives training and supervision");
        }
        e.throwIfAny();
        return reservedMoves;
    }

    /** The owner moves a version by hand; EVALUATED and PROVEN only follow evaluation events. */
    @Transactional
    public ModelVersion changeLifecycle(UUID modelId, int version, String to, String reason, String callerOrgnr) {
        ModelVersion m = lockedVersion(modelId, version);
        if (m == null) {
            throw ProblemException.notFound("Model version", modelId + " v" + version);
        }
        if (!m.ownerOrgnr.equals(callerOrgnr)) {
            throw ProblemException.forbidden("Only organisation " + m.ownerOrgnr + " may change this model");
        }
        Lifecycle target;
        try {
            target = Lifecycle.valueOf(to);
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw ProblemException.invalid("to", "'" + to + "' is not a lifecycle state");
        }
        if (Lifecycle.evidenceOnly(target)) {
            throw ProblemException.invalid("to", target + " is set by published evaluations, not by hand");
        }
        Lifecycle from = Lifecycle.valueOf(m.lifecycle);
        if (!from.manualNext().contains(target)) {
            throw ProblemException.conflict("A model version in " + from + " cannot move to " + target
                    + " by hand; allowed: " + from.manualNext());
        }
        move(m, target, reason, null);
        return m;
    }

    /**
     * Applies evaluation evidence; returns false when the version is unknown or already past that point. Two consumers
     * (evaluations and model evidence) and the owner change a version's lifecycle at once: the row is locked from read
     * to commit, so each change starts from the one before and emitted transitions chain.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyEvidence(UUID modelId, int version, Lifecycle target, String reason, String eventId) {
        ModelVersion m = lockedVersion(modelId, version);
        if (m == null) {
            return false;
        }
        boolean allowed = Lifecycle.valueOf(m.lifecycle).evidenceMoves(target);
        if (allowed) {
            move(m, target, reason, eventId);
        }
        return allowed;
    }

    /** Records why a version is proven (from {@code model.proven}), whatever its lifecycle has moved on to since. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordProof(UUID modelId, int version, String rule, List<UUID> evaluationIds, java.time.Instant at) {
        ModelVersion m = lockedVersion(modelId, version);
        if (m != null && m.provenRule == null) {
            m.provenRule = rule;
            m.provenEvaluationIds = List.copyOf(evaluationIds);
            m.provenAt = at;
        }
    }

    private void move(ModelVersion m, Lifecycle to, String reason, String eventId) {
        String from = m.lifecycle;
        m.lifecycle = to.name();
        m.lifecycleChangedAt = TaskService.now();
        outbox.emit(EventTypes.MODEL_LIFECYCLE_CHANGED, m.key.modelId, new ModelLifecycleChanged(m.key.modelId,
                m.key.version, from, to.name(), reason == null ? "" : reason, eventId, m.lifecycleChangedAt));
    }

    /** The version with its row locked until the transaction ends (read again from the database, not the session). */
    private ModelVersion lockedVersion(UUID modelId, int version) {
        return ModelVersion.findById(new ModelVersion.Key(modelId, version), LockModeType.PESSIMISTIC_WRITE);
    }

    public ModelVersion version(UUID modelId, int version) {
        ModelVersion m = ModelVersion.findById(new ModelVersion.Key(modelId, version));
        if (m == null) {
            throw ProblemException.notFound("Model version", modelId + " v" + version);
        }
        return m;
    }

    public ModelVersion latest(UUID modelId) {
        return versions(modelId).stream().reduce((a, b) -> b)
                .orElseThrow(() -> ProblemException.notFound("Model", modelId));
    }

    public List<ModelVersion> versions(UUID modelId) {
        return ModelVersion.list("key.modelId = ?1 order by key.version", modelId);
    }

    /** Latest versions filtered by task moved, from and to group, evidence level and lifecycle. */
    @SuppressWarnings("unchecked")
    public List<ModelVersion> find(UUID task, String from, String to, String evidenceLevel, String lifecycle) {
        StringBuilder sql = new StringBuilder("""
                select m.* from model_version m
                 where m.version = (select max(v.version) from model_version v where v.model_id = m.model_id)""");
        List<Object> params = new ArrayList<>();
        if (task != null) {
            params.add(String.valueOf(task));
            sql.append(" and m.task_ids @> jsonb_build_array(cast(?").append(params.size()).append(" as text))");
        }
        if (from != null) {
            params.add(String.valueOf(from));
            sql.append(" and m.from_groups @> jsonb_build_array(cast(?").append(params.size()).append(" as text))");
        }
        if (to != null) {
            params.add(String.valueOf(to));
            sql.append(" and m.to_groups @> jsonb_build_array(cast(?").append(params.size()).append(" as text))");
        }
        if (evidenceLevel != null) {
            params.add(evidenceLevel);
            sql.append(" and m.evidence_level = ?").append(params.size());
        }
        if (lifecycle != null) {
            params.add(lifecycle);
            sql.append(" and m.lifecycle = ?").append(params.size());
        }
        sql.append(" order by m.name");
        var q = em.createNativeQuery(sql.toString(), ModelVersion.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList();
    }

    public static ModelPublished view(ModelVersion m) {
        return new ModelPublished(m.key.modelId, m.key.version, m.previousVersion, m.name, m.modelType, m.taskIds,
                m.fromGroups, m.toGroups, m.requiredCompetences, m.signOffScheme, m.evidenceLevel, m.lifecycle,
                m.ownerOrgnr, m.publishedAt);
    }
}
