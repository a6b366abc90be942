package no.helsefellesskap.evaluations.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An evaluation of one pilot, by an internal or external evaluator organisation. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "pilot_id")
    public UUID pilotId;
    @Column(name = "evaluator_orgnr")
    public String evaluatorOrgnr;
    public String design;
    public String status;
    @Column(name = "drafted_at")
    public Instant draftedAt;
}
