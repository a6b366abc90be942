package no.helsefellesskap.runtime.problem;

import java.util.List;

/** Thrown by services for an expected client error; rendered as problem+json with its status. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail() != null ? problem.detail() : problem.title());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist", List.of()));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail, List.of()));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail, List.of()));
    }

    /** 422: well-formed input that breaks a rule, such as a reference to something unknown. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(422, "validation", "Invalid input", message,
                List.of(new Problem.FieldError(field, message))));
    }
}
