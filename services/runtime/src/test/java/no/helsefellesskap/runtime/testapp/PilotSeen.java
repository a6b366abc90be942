package no.helsefellesskap.runtime.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What the test consumer did: one row per pilot, and how many times its effect was applied. */
@Entity
@Table(name = "pilot_seen")
public class PilotSeen {
    @Id
    @Column(name = "pilot_id")
    public UUID pilotId;
    public String title;
    public int deliveries;
}
