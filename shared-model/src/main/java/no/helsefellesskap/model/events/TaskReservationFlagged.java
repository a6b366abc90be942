package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reserved task was proposed for a group it is not reserved for, with the forsvarlighet justification that
 * allowed it. {@code modelId} is set when a task-sharing model proposed it.
 */
public record TaskReservationFlagged(UUID taskId, List<String> reservedFor, String proposedGroup,
                                     @Nullable UUID modelId, String justification, Instant flaggedAt) {
}
