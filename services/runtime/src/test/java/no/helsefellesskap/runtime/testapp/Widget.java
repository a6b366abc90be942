package no.helsefellesskap.runtime.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "widget")
public class Widget {
    @Id
    public UUID id;
    public String title;
}
