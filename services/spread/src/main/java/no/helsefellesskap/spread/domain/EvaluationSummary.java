package no.helsefellesskap.spread.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "evaluation_summary")
public class EvaluationSummary extends PanacheEntityBase {
    @Id
    @Column(name = "evaluation_id")
    public UUID evaluationId;
    @Column(name = "pilot_id")
    public UUID pilotId;
    @Column(name = "evaluator_orgnr")
    public String evaluatorOrgnr;
    public String design;
    @Column(name = "drafted_at")
    public Instant draftedAt;
}
