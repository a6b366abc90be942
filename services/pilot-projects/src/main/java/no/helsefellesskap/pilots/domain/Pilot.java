package no.helsefellesskap.pilots.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A pilot (pilotprosjekt) of task sharing, owned by the hospital trust or municipality that registered it. */
@Entity
@Table(name = "pilot")
public class Pilot extends PanacheEntityBase {

    /** PLANNED → RUNNING → COMPLETED, and PLANNED or RUNNING → ABANDONED; nothing else, and never back. */
    public enum Status {
        PLANNED, RUNNING, COMPLETED, ABANDONED;

        public boolean mayBecome(Status to) {
            return switch (to) {
                case RUNNING -> this == PLANNED;
                case COMPLETED -> this == RUNNING;
                case ABANDONED -> this == PLANNED || this == RUNNING;
                case PLANNED -> false;
            };
        }

        /** Why a move is refused, in the caller's terms. */
        public String refusal(Status to) {
            return switch (to) {
                case RUNNING -> "A " + this + " pilot cannot become RUNNING; it must be PLANNED first";
                case COMPLETED -> "A " + this + " pilot cannot become COMPLETED; it must be RUNNING first";
                case ABANDONED -> "A " + this + " pilot cannot be abandoned";
                case PLANNED -> "A pilot never becomes PLANNED again";
            };
        }
    }

    /** An end (completion or abandonment) dated before the start is refused; unknown dates are not compared. */
    public static boolean endsBeforeStart(java.time.LocalDate end, java.time.LocalDate start) {
        return end != null && start != null && end.isBefore(start);
    }

    public record Staffing(@NotBlank @Size(max = 80) String group, @Min(0) Integer headcount) {
    }

    public record Funding(@NotBlank @Size(max = 300) String source, @Min(0) Long amountNok) {
    }

    /** One item of the preconditions checklist (leadership anchoring, employer-union cooperation, ...). */
    public record Precondition(@NotBlank String item, @NotBlank String status, @Size(max = 2000) String note) {
    }

    /** What an adopting pilot changed from its model or earlier pilot, and why. */
    public record Adaptation(@NotBlank @Size(max = 2000) String what, @NotBlank @Size(max = 2000) String why) {
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public String title;
    @Column(name = "owner_orgnr", nullable = false)
    public String ownerOrgnr;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_version")
    public Integer modelVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_ids")
    public List<UUID> taskIds = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "from_groups")
    public List<String> fromGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "to_groups")
    public List<String> toGroups = new ArrayList<>();
    public String partnership;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "priority_groups")
    public List<String> priorityGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> settings = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> sites = new ArrayList<>();
    @Column(name = "planned_start")
    public LocalDate plannedStart;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    @Column(name = "started_on")
    public LocalDate startedOn;
    @Column(name = "started_precision")
    public String startedPrecision;
    @Column(name = "started_source")
    public String startedSource;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "ended_precision")
    public String endedPrecision;
    @Column(name = "ended_source")
    public String endedSource;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Staffing> staffing = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Funding> funding = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Precondition> preconditions = new ArrayList<>();
    @Column(name = "forsvarlighet_assessment")
    public String forsvarlighetAssessment;
    @Column(name = "baseline_plan")
    public String baselinePlan;
    @Column(name = "derived_from_pilot")
    public UUID derivedFromPilot;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Adaptation> adaptations = new ArrayList<>();
    @Column(name = "abandon_reason")
    public String abandonReason;
    @Column(name = "abandon_text")
    public String abandonText;
    /** Where the record comes from: documents and lines (empty for a pilot entered as it happens). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> sources = new ArrayList<>();
    /** Whom to ask about the pilot: a role mailbox (funksjonsadresse), never a person. */
    @Column(name = "contact_mailbox")
    public String contactMailbox;
}
