package no.helsefellesskap.pilots.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A partner organisation of a pilot and its own answer: INVITED, CONFIRMED or DECLINED. */
@Entity
@Table(name = "pilot_partner")
@IdClass(PilotPartner.Key.class)
public class PilotPartner extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID pilotId;
        public String orgnr;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.pilotId, pilotId) && Objects.equals(k.orgnr, orgnr);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pilotId, orgnr);
        }
    }

    @Id
    @Column(name = "pilot_id")
    public UUID pilotId;
    @Id
    public String orgnr;
    public String answer;
    public String comment;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
