package no.helsefellesskap.evaluations.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A pilot as announced on the pilots topic. */
@Entity
@Table(name = "known_pilot")
public class KnownPilot extends PanacheEntityBase {
    @Id
    @Column(name = "pilot_id")
    public UUID pilotId;
    public String title;
    @Column(name = "owner_orgnr")
    public String ownerOrgnr;
    @Column(name = "registered_at")
    public Instant registeredAt;
    public String status = "PLANNED";
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_version")
    public Integer modelVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> partners = new ArrayList<>();
}
