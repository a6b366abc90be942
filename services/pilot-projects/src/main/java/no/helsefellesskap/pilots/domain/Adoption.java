package no.helsefellesskap.pilots.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An organisation's adoption of a model version, citing what it learned from. */
@Entity
@Table(name = "adoption")
public class Adoption extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_version")
    public int modelVersion;
    @Column(name = "adopter_orgnr")
    public String adopterOrgnr;
    @Column(name = "learned_from_pilot")
    public UUID learnedFromPilot;
    @Column(name = "learned_from_evaluation")
    public UUID learnedFromEvaluation;
    public String status;
    public String reason;
    @Column(name = "reason_text")
    public String reasonText;
    @Column(name = "declared_at")
    public Instant declaredAt;
    @Column(name = "changed_at")
    public Instant changedAt;
    /** When the latest change happened, as exactly as its source gives it (today when recorded as it happened). */
    @Column(name = "occurred_on")
    public java.time.LocalDate occurredOn;
    @Column(name = "date_precision")
    public String datePrecision;
    @Column(name = "date_source")
    public String dateSource;
}
