package no.helsefellesskap.spread.delivery.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.spread.delivery.stream.StreamHub;

/**
 * The public stream of published outcomes: every feed item, to any signed-in caller (the dashboard uses it). Items
 * about test and probe (sandbox) organisations are left out unless {@code includeSandbox=true}, as in the dashboard.
 */
@Path("/api/stream")
public class StreamResource {

    @Inject
    StreamHub hub;
    @Operation(operationId = "streamOutcomes", summary = "Server-sent events: every outcome event as it is published")
    @GET
    @Path("outcomes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public void outcomes(@HeaderParam("Last-Event-ID") String lastEventId,
                         @QueryParam("includeSandbox") @DefaultValue("false") boolean includeSandbox,
                         @Context SseEventSink sink, @Context Sse sse) {
        hub.open(sink, sse, null, streamCaller(caller), includeSandbox, lastEventId(lastEventId));
    }

    @Inject
    Caller caller;

    /** Whose streams count together: the token's subject within its organisation. */
    static String streamCaller(Caller caller) {
        return caller.orgnr().orElse("-") + "/" + caller.subject();
    }

    static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(header.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "must be an id this stream sent (a non-negative number)");
        }
    }
}
