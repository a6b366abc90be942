package no.helsefellesskap.evaluations.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import no.helsefellesskap.evaluations.freedtime.FreedTimeCalculator;
import no.helsefellesskap.evaluations.freedtime.Parameters;

@ApplicationScoped
public class FreedTimeConfig {

    @Produces
    @Singleton
    Parameters parameters() {
        return Parameters.load(Parameters.RESOURCE);
    }

    @Produces
    @Singleton
    FreedTimeCalculator calculator(Parameters parameters) {
        return new FreedTimeCalculator(parameters);
    }
}
