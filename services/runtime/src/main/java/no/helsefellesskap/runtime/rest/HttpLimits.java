package no.helsefellesskap.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * Requests refused before any resource sees them (too large, too long, not decodable) get a problem+json body naming
 * what was wrong, like every other refusal. Vert.x answers its own codec limits with an empty body and no hook, so its
 * limits are set wider (application properties) and these, the suite's limits, are enforced here first.
 */
@ApplicationScoped
public class HttpLimits {

    /** Longest request target (path and query) accepted; Vert.x's codec allows more so that this one answers. */
    public static final int MAX_TARGET = 8 * 1024;
    /** Largest sum of header lines accepted. */
    public static final int MAX_HEADERS = 20 * 1024;
    /** Largest request body accepted (JsonInputGuard enforces it for chunked bodies, whose length is not announced). */
    public static final long MAX_BODY = 10L * 1024 * 1024;

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad request", 413, "Request body too large", 414, "Request target too long",
            431, "Request headers too large");

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        // before Quarkus' own body-size check (order -2) and everything else
        router.route().order(-100).handler(this::check);
        // failures raised by Vert.x-web itself (a path that cannot be decoded) and by handlers that only set a status
        router.route().order(-100).failureHandler(this::failed);
        for (int status : List.of(400, 413, 414, 431)) {
            router.errorHandler(status, this::failed);
        }
    }

    void check(RoutingContext ctx) {
        var req = ctx.request();
        String target = req.uri();
        if (target != null && target.length() > MAX_TARGET) {
            refuse(ctx, 414, "uri", "The request target (path and query) is " + target.length()
                    + " characters; at most " + MAX_TARGET + " are accepted.");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> h : req.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            refuse(ctx, 431, "headers", "The request headers are " + headerBytes + " bytes; at most " + MAX_HEADERS
                    + " are accepted.");
            return;
        }
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        // Netty has already refused a Content-Length that is not a number
        if (length != null && length.trim().length() > 0 && length.trim().chars().allMatch(Character::isDigit)
                && (length.trim().length() > 18 || Long.parseLong(length.trim()) > MAX_BODY)) {
            refuse(ctx, 413, "body", "The request body is " + length.trim() + " bytes; at most " + MAX_BODY
                    + " are accepted.");
            return;
        }
        if (target != null && !readable(target)) {
            refuseUnreadable(ctx, target);
            return;
        }
        ctx.next();
    }

    void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        String target = ctx.request().uri();
        if (target != null && !readable(target)) {
            // a path that cannot be decoded fails whichever handler decodes it first (the HTTP metrics' and traces'
            // route templates run before this class's check): the caller's error, answered as the check would
            refuseUnreadable(ctx, target);
            return;
        }
        if (!TITLES.containsKey(status)) {
            ctx.next();
            return;
        }
        refuse(ctx, status, status == 400 ? "request" : "body", "The request could not be read.");
    }

    private void refuseUnreadable(RoutingContext ctx, String target) {
        int q = target.indexOf('?');
        refuse(ctx, 400, q < 0 || !readable(target.substring(0, q)) ? "path" : "query",
                "The request target is not a valid URI: each % must be followed by two hexadecimal digits, and"
                        + " spaces, quotes, angle brackets and control characters must be percent-encoded.");
    }

    private void refuse(RoutingContext ctx, int status, String field, String detail) {
        Problem p = Problem.of(status, "http-" + status, TITLES.get(status), detail,
                List.of(new Problem.FieldError(field, detail)));
        String raw = ctx.request().path();
        if (raw != null && raw.length() <= 512 && decodable(raw)) {
            try {
                p = p.at(java.net.URI.create(raw));
            } catch (IllegalArgumentException ignored) {
                // a path a URI cannot hold: answer without instance
            }
        }
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        HttpServerResponse r = ctx.response();
        r.setStatusCode(status);
        r.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status != 400) {
            // the rest of an unread body would be taken for the next request
            r.putHeader(HttpHeaders.CONNECTION, "close");
        }
        r.end(body);
    }

    /** What Quarkus' own check accepts (see SuiteMain), and every % followed by two hex digits. */
    static boolean readable(String target) {
        try {
            new java.net.URI(target);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        return decodable(target);
    }

    /** Every % is followed by two hex digits (what a decoder needs). */
    static boolean decodable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }
}
