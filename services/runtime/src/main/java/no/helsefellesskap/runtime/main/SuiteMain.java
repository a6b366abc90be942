package no.helsefellesskap.runtime.main;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Every service's entry point. */
@QuarkusMain
public class SuiteMain {

    public static void main(String... args) {
        // Quarkus refuses a request target java.net.URI cannot parse with an empty 400 before any route runs;
        // HttpLimits makes the same check and answers with problem+json naming the path or query.
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
