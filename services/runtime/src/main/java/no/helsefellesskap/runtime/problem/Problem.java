package no.helsefellesskap.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each invalid field (a JSON path such as {@code title} or
 * {@code partners[1].orgnr}), so a client can show the message beside the input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://oppgavedeling.helsefellesskap.no/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, errors);
    }

    public Problem at(URI instancePath) {
        return new Problem(type, title, status, detail, instancePath, errors);
    }
}
