package no.helsefellesskap.pilots.mapping;

import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.pilots.domain.PilotPartner;
import no.helsefellesskap.pilots.domain.PilotPlan;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;
import org.mapstruct.Mapping;
import org.mapstruct.NullValuePropertyMappingStrategy;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The one place a pilot's fields are copied: plan → entity, entity → event, entity → view. The policies make a
 * forgotten field a compile error: every plan field lands on the entity, every event and view field is filled.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface PilotMapper {

    /** A pilot as {@code GET /api/pilots/{id}} answers, with its partners' answers. */
    record PilotView(UUID id, String title, String ownerOrgnr, String status, Instant registeredAt, UUID modelId,
                     Integer modelVersion, List<UUID> taskIds, List<String> fromGroups, List<String> toGroups,
                     String partnership, List<String> priorityGroups, List<String> settings, List<String> sites,
                     LocalDate plannedStart, LocalDate plannedEnd, LocalDate startedOn, String startedPrecision,
                     String startedSource, LocalDate endedOn, String endedPrecision, String endedSource,
                     List<Pilot.Staffing> staffing, List<Pilot.Funding> funding, List<Pilot.Precondition> preconditions,
                     String forsvarlighetAssessment, String baselinePlan, UUID derivedFromPilot,
                     List<Pilot.Adaptation> adaptations, String abandonReason, String abandonText,
                     List<PartnerView> partners, List<String> sources, String contactMailbox) {
    }

    record PartnerView(String orgnr, String answer, String comment, Instant answeredAt) {
    }

    /** Copies what the owner states; what the service decides (id, status, partnership, dates) is set there. */
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.IGNORE,
            ignoreUnmappedSourceProperties = "partnerOrgnrs",
            nullValuePropertyMappingStrategy = NullValuePropertyMappingStrategy.IGNORE)
    void plan(PilotPlan plan, @MappingTarget Pilot pilot);

    @Mapping(target = "pilotId", source = "pilot.id")
    PilotRegistered registered(Pilot pilot, List<String> partnerOrgnrs);

    PilotView view(Pilot pilot, List<PilotPartner> partners);

    PartnerView partner(PilotPartner partner);
}
