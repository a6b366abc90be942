package no.helsefellesskap.model.events;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type in the suite. One topic per aggregate type. */
public final class EventTypes {

    public static final String PREFIX = "no.helsefellesskap.";

    public static final String TOPIC_PILOTS = "pilots";
    public static final String TOPIC_EVALUATIONS = "evaluations";
    public static final String TOPIC_TASKS = "tasks";
    public static final String TOPIC_COMPETENCE_PROFILES = "competence-profiles";

    public static final EventType PILOT_REGISTERED = new EventType(
            PREFIX + "pilot-projects.pilot.registered.v1", "pilot-projects", "pilot", TOPIC_PILOTS,
            PilotRegistered.class);
    public static final EventType EVALUATION_DRAFTED = new EventType(
            PREFIX + "evaluations.evaluation.drafted.v1", "evaluations", "evaluation", TOPIC_EVALUATIONS,
            EvaluationDrafted.class);
    public static final EventType TASK_DESCRIBED = new EventType(
            PREFIX + "task-catalogue.task.described.v1", "task-catalogue", "task", TOPIC_TASKS,
            TaskDescribed.class);
    public static final EventType COMPETENCE_PROFILE_RECORDED = new EventType(
            PREFIX + "competence-registry.competence-profile.recorded.v1", "competence-registry",
            "competence-profile", TOPIC_COMPETENCE_PROFILES, CompetenceProfileRecorded.class);

    public static final List<EventType> ALL = List.of(
            PILOT_REGISTERED, EVALUATION_DRAFTED, TASK_DESCRIBED, COMPETENCE_PROFILE_RECORDED);

    private EventTypes() {
    }

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
