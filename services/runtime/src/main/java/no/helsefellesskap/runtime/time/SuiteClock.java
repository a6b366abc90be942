package no.helsefellesskap.runtime.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The service's clock; tests set a fixed one so nothing waits for real months to pass. */
@ApplicationScoped
public class SuiteClock {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private volatile Clock clock = Clock.system(OSLO);

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public void use(Clock c) {
        this.clock = c;
    }

    public void reset() {
        this.clock = Clock.system(OSLO);
    }
}
