package no.helsefellesskap.tasks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.events.EventTypes;
import no.helsefellesskap.model.events.TaskDescribed;
import no.helsefellesskap.runtime.outbox.Outbox;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.tasks.domain.Task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskService {

    @Inject
    Outbox outbox;

    @Inject
    PersonnelGroups personnelGroups;

    @Transactional
    public Task describe(String title, String performedByGroup, String orgnr) {
        if (!personnelGroups.isKnown(performedByGroup)) {
            throw ProblemException.invalid("performedByGroup", "unknown personnel group '" + performedByGroup + "'");
        }
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.title = title.strip();
        t.performedByGroup = performedByGroup;
        t.describedByOrgnr = orgnr;
        t.describedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        t.persist();
        outbox.emit(EventTypes.TASK_DESCRIBED, t.id, new TaskDescribed(t.id, t.title, t.performedByGroup, t.describedAt));
        return t;
    }

    public Task get(UUID id) {
        Task t = Task.findById(id);
        if (t == null) {
            throw ProblemException.notFound("Task", id);
        }
        return t;
    }

    public List<Task> all() {
        return Task.listAll();
    }
}
