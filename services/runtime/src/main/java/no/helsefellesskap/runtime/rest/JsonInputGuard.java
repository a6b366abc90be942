package no.helsefellesskap.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import no.helsefellesskap.model.PersonalDataGuard;
import no.helsefellesskap.runtime.problem.Problem;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.problem.ProblemMappers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every JSON request body, before it is bound: a text value holding a control character (PostgreSQL cannot store
 * NUL; the others are never meant) or a person identifier (a national id, an HPR number, a person's name field) is
 * refused with 422 naming the field. The records here are about pilots and roles, never about persons, so such
 * input is a mistake even in fields that never reach an event. A list longer than {@link #MAX_LIST} is refused too.
 * A body that is not JSON, or names a key twice, is refused with 400 saying where.
 */
@Provider
public class JsonInputGuard implements ReaderInterceptor {

    /** No list in these APIs needs more; a longer one is refused before anything validates each entry. */
    static final int MAX_LIST = 1000;

    @Inject
    ObjectMapper json;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException, WebApplicationException {
        MediaType type = ctx.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getSubtype().endsWith("+json")) {
            return ctx.proceed();
        }
        byte[] body = ctx.getInputStream().readNBytes((int) HttpLimits.MAX_BODY + 1);
        if (body.length > HttpLimits.MAX_BODY) {
            // a chunked body (no Content-Length for HttpLimits to check) past the limit
            throw new ProblemException(Problem.of(413, "http-413", "Request body too large",
                    "The request body is larger than " + HttpLimits.MAX_BODY + " bytes.",
                    List.of(new Problem.FieldError("body", "at most " + HttpLimits.MAX_BODY + " bytes"))));
        }
        ctx.setInputStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return ctx.proceed();
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON (or a key twice): say so here, since the body reader's own answer says only "Bad Request"
            throw new ProblemException(ProblemMappers.unreadable(e));
        } catch (IOException | RuntimeException e) {
            return ctx.proceed(); // the binding reports it as unreadable (400)
        }
        check(tree, "");
        return ctx.proceed();
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void check(JsonNode node, String path) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (hasLoneSurrogate(f.getKey())) {
                    throw ProblemException.invalid(path.isEmpty() ? "body" : path,
                            "has a field name with an unpaired UTF-16 surrogate (such as \\ud800), which is not a character");
                }
                if (!PersonalDataGuard.findings("{\"" + f.getKey().replace("\"", "") + "\":0}").isEmpty()) {
                    throw ProblemException.invalid(p, "names a person identifier; records are shared per role and as counts, never per person");
                }
                check(f.getValue(), p);
            }
        } else if (node.isArray()) {
            if (node.size() > MAX_LIST) {
                throw ProblemException.invalid(path.isEmpty() ? "body" : path, "has " + node.size() + " entries; at most "
                        + MAX_LIST + " are accepted");
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            String v = node.asText();
            if (v.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                throw ProblemException.invalid(path.isEmpty() ? "body" : path, "contains a control character");
            }
            if (hasLoneSurrogate(v)) {
                // it would be stored as '?': refuse rather than change what the caller sent
                throw ProblemException.invalid(path.isEmpty() ? "body" : path,
                        "contains an unpaired UTF-16 surrogate (such as \\ud800), which is not a character");
            }
            if (!PersonalDataGuard.findings(v).isEmpty()) {
                throw ProblemException.invalid(path.isEmpty() ? "body" : path,
                        "looks like a person identifier (an 11-digit national id form); records are shared per role and"
                                + " as counts, never per person");
            }
        }
    }
}
