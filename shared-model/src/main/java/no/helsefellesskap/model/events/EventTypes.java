package no.helsefellesskap.model.events;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type in the suite. One topic per aggregate type. */
public final class EventTypes {

    public static final String PREFIX = "no.helsefellesskap.";

    public static final String TOPIC_PILOTS = "pilots";
    public static final String TOPIC_EVALUATIONS = "evaluations";
    public static final String TOPIC_MODEL_EVIDENCE = "model-evidence";
    public static final String TOPIC_TASKS = "tasks";
    public static final String TOPIC_MODELS = "models";
    public static final String TOPIC_PERSONNEL_GROUPS = "personnel-groups";
    public static final String TOPIC_COMPETENCES = "competences";
    public static final String TOPIC_COMPETENCE_PROFILES = "competence-profiles";
    public static final String TOPIC_ORGANISATIONS = "organisations";
    public static final String TOPIC_PARTNERSHIPS = "partnerships";
    public static final String TOPIC_ADOPTIONS = "adoptions";

    // competence-registry
    public static final EventType PERSONNEL_GROUP_DEFINED = type("competence-registry", "personnel-group.defined",
            "personnel-group", TOPIC_PERSONNEL_GROUPS, PersonnelGroupDefinition.class);
    public static final EventType PERSONNEL_GROUP_CHANGED = type("competence-registry", "personnel-group.changed",
            "personnel-group", TOPIC_PERSONNEL_GROUPS, PersonnelGroupDefinition.class);
    public static final EventType COMPETENCE_DEFINED = type("competence-registry", "competence.defined",
            "competence", TOPIC_COMPETENCES, CompetenceDefinition.class);
    public static final EventType COMPETENCE_CHANGED = type("competence-registry", "competence.changed",
            "competence", TOPIC_COMPETENCES, CompetenceDefinition.class);
    public static final EventType COMPETENCE_PROFILE_RECORDED = type("competence-registry", "competence-profile.recorded",
            "competence-profile", TOPIC_COMPETENCE_PROFILES, CompetenceProfileRecorded.class);

    // task-catalogue
    public static final EventType TASK_REGISTERED = type("task-catalogue", "task.registered", "task", TOPIC_TASKS,
            TaskRegistered.class);
    public static final EventType TASK_ASSESSED = type("task-catalogue", "task.assessed", "task", TOPIC_TASKS,
            TaskAssessed.class);
    public static final EventType TASK_RESERVATION_FLAGGED = type("task-catalogue", "task.reservation-flagged", "task",
            TOPIC_TASKS, TaskReservationFlagged.class);
    public static final EventType MODEL_PUBLISHED = type("task-catalogue", "model.published", "model", TOPIC_MODELS,
            ModelPublished.class);
    public static final EventType MODEL_VERSIONED = type("task-catalogue", "model.versioned", "model", TOPIC_MODELS,
            ModelPublished.class);
    public static final EventType MODEL_LIFECYCLE_CHANGED = type("task-catalogue", "model.lifecycle-changed", "model",
            TOPIC_MODELS, ModelLifecycleChanged.class);

    // pilot-projects
    public static final EventType ORGANISATION_CHANGED = type("pilot-projects", "organisation.changed", "organisation",
            TOPIC_ORGANISATIONS, OrganisationChanged.class);
    public static final EventType PARTNERSHIP_CHANGED = type("pilot-projects", "partnership.changed", "partnership",
            TOPIC_PARTNERSHIPS, PartnershipChanged.class);
    public static final EventType PILOT_REGISTERED = type("pilot-projects", "pilot.registered", "pilot", TOPIC_PILOTS,
            PilotRegistered.class);
    public static final EventType PILOT_STARTED = type("pilot-projects", "pilot.started", "pilot", TOPIC_PILOTS,
            PilotStatusChanged.class);
    public static final EventType PILOT_STATUS_CHANGED = type("pilot-projects", "pilot.status-changed", "pilot",
            TOPIC_PILOTS, PilotStatusChanged.class);
    public static final EventType PILOT_COMPLETED = type("pilot-projects", "pilot.completed", "pilot", TOPIC_PILOTS,
            PilotStatusChanged.class);
    public static final EventType PILOT_ABANDONED = type("pilot-projects", "pilot.abandoned", "pilot", TOPIC_PILOTS,
            PilotStatusChanged.class);
    public static final EventType PARTNER_CONFIRMED = type("pilot-projects", "partner.confirmed", "pilot", TOPIC_PILOTS,
            PartnerAnswered.class);
    public static final EventType PARTNER_DECLINED = type("pilot-projects", "partner.declined", "pilot", TOPIC_PILOTS,
            PartnerAnswered.class);
    public static final EventType ADOPTION_DECLARED = type("pilot-projects", "adoption.declared", "adoption",
            TOPIC_ADOPTIONS, AdoptionChanged.class);
    public static final EventType ADOPTION_COMPLETED = type("pilot-projects", "adoption.completed", "adoption",
            TOPIC_ADOPTIONS, AdoptionChanged.class);
    public static final EventType ADOPTION_ABANDONED = type("pilot-projects", "adoption.abandoned", "adoption",
            TOPIC_ADOPTIONS, AdoptionChanged.class);

    // evaluations
    public static final EventType EVALUATION_DRAFTED = type("evaluations", "evaluation.drafted", "evaluation",
            TOPIC_EVALUATIONS, EvaluationDrafted.class);
    public static final EventType EVALUATION_PUBLISHED = type("evaluations", "evaluation.published", "evaluation",
            TOPIC_EVALUATIONS, EvaluationPublished.class);
    public static final EventType MODEL_PROVEN = type("evaluations", "model.proven", "model-evidence",
            TOPIC_MODEL_EVIDENCE, ModelProven.class);
    /** Emitted by evaluations about a pilot aggregate, so it travels on the pilots topic. */
    public static final EventType PILOT_EVALUATION_OVERDUE = type("evaluations", "pilot.evaluation-overdue", "pilot",
            TOPIC_PILOTS, PilotEvaluationOverdue.class);

    public static final List<EventType> ALL = List.of(
            PERSONNEL_GROUP_DEFINED, PERSONNEL_GROUP_CHANGED, COMPETENCE_DEFINED, COMPETENCE_CHANGED,
            COMPETENCE_PROFILE_RECORDED,
            TASK_REGISTERED, TASK_ASSESSED, TASK_RESERVATION_FLAGGED, MODEL_PUBLISHED, MODEL_VERSIONED,
            MODEL_LIFECYCLE_CHANGED,
            ORGANISATION_CHANGED, PARTNERSHIP_CHANGED, PILOT_REGISTERED, PILOT_STARTED, PILOT_STATUS_CHANGED,
            PILOT_COMPLETED, PILOT_ABANDONED, PARTNER_CONFIRMED, PARTNER_DECLINED, ADOPTION_DECLARED,
            ADOPTION_COMPLETED, ADOPTION_ABANDONED,
            EVALUATION_DRAFTED, EVALUATION_PUBLISHED, MODEL_PROVEN, PILOT_EVALUATION_OVERDUE);

    /** The event types that reach subscribers (feeds, streams, webhooks); reference data and drafts stay inside. */
    public static final List<EventType> FEED = List.of(PILOT_REGISTERED, PILOT_STARTED, PILOT_COMPLETED, PILOT_ABANDONED,
            PILOT_EVALUATION_OVERDUE, EVALUATION_PUBLISHED, MODEL_PUBLISHED, MODEL_VERSIONED, MODEL_PROVEN,
            ADOPTION_DECLARED, ADOPTION_COMPLETED, ADOPTION_ABANDONED);

    private EventTypes() {
    }

    private static EventType type(String service, String event, String aggregateType, String topic,
                                  Class<? extends Record> payload) {
        return new EventType(PREFIX + service + "." + event + ".v1", service, aggregateType, topic, payload);
    }

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    public static List<String> topics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }
}
