package no.helsefellesskap.local;

import java.util.List;

/** A service of the suite and its fixed local port. */
public record ServiceSpec(String name, int port) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("spread", 8080),
            new ServiceSpec("competence-registry", 8081),
            new ServiceSpec("task-catalogue", 8082),
            new ServiceSpec("pilot-projects", 8083),
            new ServiceSpec("evaluations", 8084));
}
