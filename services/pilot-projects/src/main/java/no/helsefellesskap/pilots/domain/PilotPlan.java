package no.helsefellesskap.pilots.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.helsefellesskap.pilots.domain.Pilot.Adaptation;
import no.helsefellesskap.pilots.domain.Pilot.Funding;
import no.helsefellesskap.pilots.domain.Pilot.Precondition;
import no.helsefellesskap.pilots.domain.Pilot.Staffing;
import no.helsefellesskap.runtime.validation.Orgnr;
import no.helsefellesskap.runtime.validation.RoleMailboxAddress;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the owner states when registering a pilot: the request body of {@code POST /api/pilots}, and what
 * {@code mapping/PilotMapper} copies onto a new {@link Pilot}. A new pilot field starts here. Lists and texts are
 * bounded so that the {@code pilot.registered} event stays well under Kafka's 1 MB record limit: a larger one would
 * stop the outbox relay for every organisation.
 */
public record PilotPlan(@NotBlank @Size(max = 300) String title, UUID modelId, @Min(1) Integer modelVersion,
                        @Size(max = 200) List<@NotNull UUID> taskIds, List<@NotBlank String> fromGroups, List<@NotBlank String> toGroups,
                        @NotNull @Orgnr String ownerOrgnr, @Size(max = 500) List<@NotBlank String> partnerOrgnrs,
                        @Size(max = 100) List<@NotBlank @Size(max = 300) String> sites, List<@NotBlank String> priorityGroups,
                        List<@NotBlank String> settings, LocalDate plannedStart, LocalDate plannedEnd,
                        @Size(max = 100) List<@Valid @NotNull Staffing> staffing,
                        @Size(max = 50) List<@Valid @NotNull Funding> funding,
                        @Size(max = 30) List<@Valid @NotNull Precondition> preconditions,
                        @Size(max = 5000) String forsvarlighetAssessment, @Size(max = 5000) String baselinePlan,
                        UUID derivedFromPilot, @Size(max = 20) List<@Valid @NotNull Adaptation> adaptations,
                        @Size(max = 20) List<@NotBlank @Size(max = 500) String> sources,
                        @Size(max = 254) @RoleMailboxAddress String contactMailbox) {
}
