package no.helsefellesskap.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import no.helsefellesskap.runtime.tx.Transience;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves a service as RFC 9457 problem+json. Client errors name the field; a 500 is a bug and is logged. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "validation", "Invalid input", detail, errors), uri);
    }

    // Listed one by one: Quarkus REST has built-in mappers for some of these subtypes.
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(unreadable(e), uri);
    }

    /** 400 naming the field (or "body") and what was wrong, in the caller's terms. */
    public static Problem unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = readable(e);
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message));
        return Problem.of(400, "unreadable-body", "Request body is not valid JSON for this resource",
                (field.isEmpty() ? "body" : field) + ": " + message, errors);
    }

    /** What went wrong in the caller's terms: the kind of value expected, never a Java class or exception name. */
    static String readable(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "is not a field of this resource" + (known.isEmpty() ? "" : "; the fields are " + known);
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + abbreviate(String.valueOf(f.getValue())) + "' is not " + kindOf(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + kindOf(m.getTargetType());
        }
        if (e instanceof JsonMappingException) {
            return "has a value this field cannot take";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return original.replace("Duplicate field", "names a field twice:");
        }
        var at = e.getLocation();
        return "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                + ": " + withoutJavaNames(original);
    }

    static String kindOf(Class<?> t) {
        if (t == null) {
            return "a valid value";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.stream(t.getEnumConstants()).map(String::valueOf).toList();
        }
        if (CharSequence.class.isAssignableFrom(t) || t == char.class || t == Character.class) {
            return "a text";
        }
        if (t == int.class || t == long.class || t == short.class || t == Integer.class || t == Long.class
                || t == Short.class || t == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "a timestamp (ISO 8601, such as 2026-03-01T12:00:00Z)";
        }
        if (t == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** A parser's message may quote a class (e.g. in a nested cause); callers get neither classes nor packages. */
    static String withoutJavaNames(String m) {
        String cut = m.replaceAll("\\s*at \\[Source:.*", "").replaceAll("(?s)\\n.*", "");
        return cut.replaceAll("`?\\b(?:java|javax|jakarta|no|com|org|io)\\.[A-Za-z0-9_$.]+`?", "a value");
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response r = respond(Problem.of(401, "unauthenticated", "Authentication required",
                "A valid bearer token is required; the one given is missing, expired or not trusted", List.of()), uri);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your organisation or role does not allow this operation", List.of()), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Server error", e);
        }
        Response.StatusType st = e.getResponse().getStatusInfo();
        Problem p = Problem.of(status, slug(st.getReasonPhrase()), st.getReasonPhrase(), e.getMessage(), List.of());
        return respond(p, uri);
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Transience.isTransient(e)) {
            // the database is restarting or out of connections: nothing was written; the caller may try again
            LOG.warnf("Request failed while the infrastructure was unavailable: %s", e.toString());
            Problem p = Problem.of(503, "unavailable", "Service temporarily unavailable",
                    "The service could not reach its database; nothing was changed. Try again shortly.", List.of());
            return Response.fromResponse(respond(p, uri)).header("Retry-After", "5").build();
        }
        if (tooLarge(e)) {
            // a chunked body ran past quarkus.http.limits.max-body-size while being read; Quarkus has already
            // answered 413 and closed the connection. Nothing was written.
            LOG.warn("Request refused: body larger than the limit");
            return respond(Problem.of(413, "http-413", "Request body too large",
                    "The request body is larger than the limit.", List.of(new Problem.FieldError("body",
                            "The request body is larger than the limit."))), uri);
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("23")) {
            // a constraint caught what validation did not, or two requests raced for the same row: nothing was written
            LOG.warnf("Request refused by a database constraint (%s): %s", state, e.toString());
            return respond(Problem.of(409, "conflict", "Conflict",
                    "The request conflicts with the current state (for example a concurrent change); nothing was changed."
                            + " Read the resource and try again.", List.of()), uri);
        }
        if (state != null && state.startsWith("22")) {
            LOG.warnf("Request refused by the database as invalid data (%s): %s", state, e.toString());
            return respond(Problem.of(422, "validation", "Invalid input",
                    "A value is too long or not valid for its field; nothing was changed.",
                    List.of(new Problem.FieldError("body", "a value is too long or not valid for its field"))), uri);
        }
        LOG.error("Unhandled error: this is a bug", e);
        return respond(Problem.of(500, "internal", "Internal error",
                "The service failed to handle the request; it has been logged", List.of()), uri);
    }

    /** Quarkus' body reader gives up on a body past the limit with this IOException (VertxInputStream). */
    static boolean tooLarge(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 25; t = t.getCause(), depth++) {
            if (t instanceof java.io.IOException && "Request too large".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** The SQLState of the first SQL exception in the cause chain, if any. */
    static String sqlState(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 25; t = t.getCause(), depth++) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    static Response respond(Problem p, UriInfo uri) {
        // the raw (still encoded) path: a decoded one may hold characters a URI cannot (quotes, <, NUL)
        Problem withInstance = uri == null ? p : p.at(URI.create(uri.getRequestUri().getRawPath()));
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }

    /** {@code register.arg0.partners[1].orgnr} becomes {@code partners[1].orgnr}: the method and parameter are noise. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.PARAMETER
                    || n.getKind() == ElementKind.CROSS_PARAMETER || n.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = n.getName();
            String seg = name == null ? "" : name;
            // an element of a list: its index belongs to the list's name ("sources[0]"), whether the validator puts it
            // on an unnamed node or on a container-element node such as "<list element>"
            if (n.getIndex() != null && !parts.isEmpty() && (seg.isEmpty() || seg.startsWith("<"))) {
                int last = parts.size() - 1;
                if (!parts.get(last).endsWith("[" + n.getIndex() + "]")) {
                    parts.set(last, parts.get(last) + "[" + n.getIndex() + "]");
                }
                continue;
            }
            if (!seg.isEmpty() && !seg.startsWith("<")) {
                parts.add(seg);
            }
        }
        if (parts.isEmpty()) {
            // a constraint on the parameter itself: a query or path parameter by its name, a missing body as "body"
            // (resources name their entity parameter b or body)
            for (Path.Node n : v.getPropertyPath()) {
                if (n.getKind() == ElementKind.PARAMETER && n.getName() != null && !n.getName().equals("b")
                        && !n.getName().startsWith("arg")) {
                    return n.getName();
                }
            }
            return "body";
        }
        return String.join(".", parts);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
