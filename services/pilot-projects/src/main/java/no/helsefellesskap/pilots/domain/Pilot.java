package no.helsefellesskap.pilots.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A pilot (pilotprosjekt) of task sharing, owned by the organisation that registered it. */
@Entity
@Table(name = "pilot")
public class Pilot extends PanacheEntityBase {

    public enum Status { PLANNED, RUNNING, COMPLETED, ABANDONED }

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
}
