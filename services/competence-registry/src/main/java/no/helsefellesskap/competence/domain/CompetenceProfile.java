package no.helsefellesskap.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** An aggregate count, never a person. */
@Entity
@Table(name = "competence_profile")
public class CompetenceProfile extends PanacheEntityBase {
    @Id
    public UUID id;
    public String orgnr;
    @Column(name = "organisation_unit")
    public String organisationUnit;
    @Column(name = "personnel_group")
    public String personnelGroup;
    public String competence;
    public int headcount;
    @Column(name = "counted_on")
    public LocalDate countedOn;
    /** How exactly the count's date is known (DAY, MONTH, YEAR): a count a report gives for "2024" is not of 1 January. */
    @Column(name = "counted_on_precision")
    public String countedOnPrecision;
}
