package no.helsefellesskap.tasks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A task (oppgave) that may be shared between personnel groups. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
    @Id
    public UUID id;
    public String title;
    @Column(name = "performed_by_group")
    public String performedByGroup;
    @Column(name = "described_by_orgnr")
    public String describedByOrgnr;
    @Column(name = "described_at")
    public Instant describedAt;
}
