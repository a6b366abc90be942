package no.helsefellesskap.tasks.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import no.helsefellesskap.model.codes.PersonnelGroups;

/** Reference data loaded once at start from the versioned data files of the shared model. */
@ApplicationScoped
public class CodeLists {

    @Produces
    @Singleton
    PersonnelGroups personnelGroups() {
        return PersonnelGroups.loadDefault();
    }
}
