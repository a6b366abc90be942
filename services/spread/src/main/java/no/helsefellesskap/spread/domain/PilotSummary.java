package no.helsefellesskap.spread.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "pilot_summary")
public class PilotSummary extends PanacheEntityBase {
    @Id
    @Column(name = "pilot_id")
    public UUID pilotId;
    public String title;
    @Column(name = "owner_orgnr")
    public String ownerOrgnr;
    public String status;
    @Column(name = "registered_at")
    public Instant registeredAt;
}
