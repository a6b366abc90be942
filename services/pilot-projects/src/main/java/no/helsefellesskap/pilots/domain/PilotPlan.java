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
 * {@code mapping/PilotMapper} copies onto a new {@link Pilot}. A new pilot field starts here.
 */
public record PilotPlan(@NotBlank @Size(max = 300) String title, UUID modelId, @Min(1) Integer modelVersion,
                        List<@NotNull UUID> taskIds, List<@NotBlank String> fromGroups, List<@NotBlank String> toGroups,
                        @NotNull @Orgnr String ownerOrgnr, List<@NotBlank String> partnerOrgnrs,
                        List<@NotBlank String> sites, List<@NotBlank String> priorityGroups,
                        List<@NotBlank String> settings, LocalDate plannedStart, LocalDate plannedEnd,
                        List<@Valid @NotNull Staffing> staffing, List<@Valid @NotNull Funding> funding,
                        List<@Valid @NotNull Precondition> preconditions,
                        @Size(max = 5000) String forsvarlighetAssessment, @Size(max = 5000) String baselinePlan,
                        UUID derivedFromPilot, List<@Valid @NotNull Adaptation> adaptations,
                        @Size(max = 20) List<@NotBlank @Size(max = 500) String> sources,
                        @Size(max = 254) @RoleMailboxAddress String contactMailbox) {
}
