package no.helsefellesskap.model.events;

import java.time.Instant;
import java.util.List;

/** A health partnership (helsefellesskap) with its whole membership history after a change. */
public record PartnershipChanged(String code, String name, String region, List<String> hospitalTrusts,
                                 @Nullable Integer municipalityCount, String status, List<String> priorityGroups,
                                 List<PartnershipMember> members, Instant changedAt) {
}
