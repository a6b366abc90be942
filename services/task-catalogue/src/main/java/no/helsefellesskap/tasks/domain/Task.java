package no.helsefellesskap.tasks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A task (oppgave) and its six-step assessment (NOU 2023:4 R1). */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    /** A competence the task needs (step d), and whether actual competence (realkompetanse) is accepted. */
    public record RequiredCompetence(String competence, boolean acceptsActualCompetence) {
    }

    /** A group that could do the task, under which conditions (training, supervision, follow-up). */
    public record CandidateGroup(String group, List<String> conditions, String forsvarlighetJustification) {
    }

    @Id
    public UUID id;
    @Column(name = "name_nb")
    public String nameNb;
    @Column(name = "name_en")
    public String nameEn;
    public String description;
    public String category;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> settings = new ArrayList<>();
    @Column(name = "service_level")
    public String serviceLevel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "current_groups")
    public List<String> currentGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reserved_for")
    public List<String> reservedFor = new ArrayList<>();
    @Column(name = "reservation_reason")
    public String reservationReason;
    @Column(name = "reservation_source")
    public String reservationSource;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_basis")
    public List<String> legalBasis = new ArrayList<>();
    @Column(name = "risk_level")
    public String riskLevel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_refs")
    public List<String> sourceRefs = new ArrayList<>();
    @Column(name = "volume_amount")
    public Double volumeAmount;
    @Column(name = "volume_unit")
    public String volumeUnit;
    @Column(name = "volume_method")
    public String volumeMethod;
    public String responsibilities;
    @Column(name = "requires_formal_health_competence")
    public String requiresFormalHealthCompetence = "NOT_ASSESSED";
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_competences")
    public List<RequiredCompetence> requiredCompetences = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "candidate_groups")
    public List<CandidateGroup> candidateGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sharing_directions")
    public List<String> sharingDirections = new ArrayList<>();
    @Column(name = "assessed_at")
    public Instant assessedAt;
    @Column(name = "owner_orgnr")
    public String ownerOrgnr;
    @Column(name = "registered_at")
    public Instant registeredAt;

    public boolean reserved() {
        return !reservedFor.isEmpty();
    }

    public boolean clinicalProcedure() {
        return "CLINICAL_PROCEDURE".equals(category);
    }
}
