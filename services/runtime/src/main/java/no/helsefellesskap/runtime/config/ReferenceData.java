package no.helsefellesskap.runtime.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import no.helsefellesskap.model.codes.CompetenceCatalogue;
import no.helsefellesskap.model.codes.PersonnelGroups;
import no.helsefellesskap.model.codes.Vocabulary;

/** Code lists from the shared model's versioned data files, loaded once per service and injectable anywhere. */
@ApplicationScoped
public class ReferenceData {

    @Produces
    @Singleton
    PersonnelGroups personnelGroups() {
        return PersonnelGroups.loadDefault();
    }

    @Produces
    @Singleton
    CompetenceCatalogue competenceCatalogue() {
        return CompetenceCatalogue.loadDefault();
    }

    @Produces
    @Singleton
    Vocabulary vocabulary() {
        return Vocabulary.loadDefault();
    }
}
