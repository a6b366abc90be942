package no.helsefellesskap.evaluations.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
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
}
