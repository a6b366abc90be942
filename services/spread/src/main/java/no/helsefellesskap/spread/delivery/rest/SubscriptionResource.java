package no.helsefellesskap.spread.delivery.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.spread.delivery.SubscriptionService;
import no.helsefellesskap.spread.delivery.domain.Subscription;
import no.helsefellesskap.spread.delivery.domain.SubscriptionFilters;
import no.helsefellesskap.spread.delivery.mapping.FeedFormats;
import no.helsefellesskap.spread.delivery.stream.StreamHub;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Subscriptions of the caller's organisation (role {@code subscriber}): filters, an optional webhook, its delivery
 * log, replay, pause and resume, secret rotation, and the subscription's SSE stream and feed URL. A subscription of
 * another organisation answers 404.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    static final String ROLE = "subscriber";

    public record SubscriptionRequest(String name, SubscriptionFilters filters, String webhookUrl) {
    }

    /** {@code secret} is shown once, when it is made; store it to verify signatures. */
    public record SubscriptionView(UUID id, String ownerOrgnr, String name, SubscriptionFilters filters,
                                   String webhookUrl, String status, String pausedReason, Instant pausedAt,
                                   Instant createdAt, Instant updatedAt, String evaluationError,
                                   Instant evaluationErrorAt, String secret, Links links) {
    }

    public record Links(String self, String deliveries, String events, String atom, String jsonFeed) {
    }

    public record ReplayRequest(Instant since) {
    }

    public record ReplayResult(int requeued, Instant since) {
    }

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Caller caller;

    @Inject
    StreamHub hub;

    @Inject
    ObjectMapper json;

    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Subscribe the caller's organisation to outcome events, by webhook, stream or feed")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @APIResponse(responseCode = "201", description = "Created; the webhook secret is shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    @POST
    public Response create(SubscriptionRequest body, @Context UriInfo uri) {
        String owner = owner();
        SubscriptionService.Created c = subscriptions.create(owner, draft(body));
        return Response.created(uri.getAbsolutePathBuilder().path(c.subscription().id().toString()).build())
                .entity(view(c.subscription(), c.secret())).build();
    }

    @Operation(operationId = "listSubscriptions", summary = "The caller's organisation's subscriptions")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @GET
    public List<SubscriptionView> list() {
        return subscriptions.list(owner()).stream().map(s -> view(s, null)).toList();
    }

    @Operation(operationId = "getSubscription", summary = "One of the caller's subscriptions")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @GET
    @Path("{id}")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return view(subscriptions.get(owner(), id), null);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSubscription", summary = "Change a subscription")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @PUT
    @Path("{id}")
    public SubscriptionView update(@PathParam("id") UUID id, SubscriptionRequest body) {
        SubscriptionService.Created c = subscriptions.update(owner(), id, draft(body));
        return view(c.subscription(), c.secret());
    }

    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(owner(), id);
        return Response.noContent().build();
    }

    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate a webhook's signing secret (the old one stays valid for an overlap)")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @POST
    @Path("{id}/secret")
    public SubscriptionService.Rotated rotate(@PathParam("id") UUID id) {
        return subscriptions.rotateSecret(owner(), id);
    }

    @Operation(operationId = "pauseSubscription", summary = "Pause deliveries to a subscription")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @POST
    @Path("{id}/pause")
    public SubscriptionView pause(@PathParam("id") UUID id) {
        return view(subscriptions.pause(owner(), id), null);
    }

    @Operation(operationId = "resumeSubscription", summary = "Resume a paused subscription (what waited is delivered)")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @POST
    @Path("{id}/resume")
    public SubscriptionView resume(@PathParam("id") UUID id) {
        return view(subscriptions.resume(owner(), id), null);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaySubscription", summary = "Deliver again every matching event since a time")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @POST
    @Path("{id}/replay")
    public ReplayResult replay(@PathParam("id") UUID id, ReplayRequest body) {
        if (body == null || body.since() == null) {
            throw ProblemException.invalid("since", "is required (an RFC 3339 time)");
        }
        return new ReplayResult(subscriptions.replay(owner(), id, body.since()), body.since());
    }

    @Operation(operationId = "listDeliveries", summary = "A subscription's newest deliveries with their attempts")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @GET
    @Path("{id}/deliveries")
    public List<SubscriptionService.DeliveryView> deliveries(@PathParam("id") UUID id,
                                                             @QueryParam("limit") @DefaultValue("50") int limit) {
        return subscriptions.deliveries(owner(), id, limit);
    }

    /** The subscription's events as Server-Sent Events; resume with {@code Last-Event-ID}. */
    @Operation(operationId = "streamSubscriptionEvents", summary = "Server-sent events: what a subscription's filters match")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public void events(@PathParam("id") UUID id, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        subscriptions.get(owner(), id);
        hub.open(sink, sse, id, StreamResource.streamCaller(caller), false, StreamResource.lastEventId(lastEventId));
    }

    @Operation(operationId = "getAtomFeed", summary = "A subscription's feed as Atom")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @GET
    @Path("{id}/feed.atom")
    @Produces("application/atom+xml")
    public String atom(@PathParam("id") UUID id, @QueryParam("lang") String lang, @Context UriInfo uri) {
        Subscription s = subscriptions.get(owner(), id);
        return FeedFormats.atom(s, subscriptions.entries(owner(), id, 50), uri.getRequestUri().toString(),
                base(uri), lang);
    }

    @Operation(operationId = "getJsonFeed", summary = "A subscription's feed as JSON Feed 1.1")
    @SecurityRequirement(name = "jwt", scopes = "subscriber")
    @GET
    @Path("{id}/feed.json")
    @Produces("application/feed+json")
    public String jsonFeed(@PathParam("id") UUID id, @QueryParam("lang") String lang, @Context UriInfo uri) {
        Subscription s = subscriptions.get(owner(), id);
        return FeedFormats.jsonFeed(json, s, subscriptions.entries(owner(), id, 50), uri.getRequestUri().toString(),
                base(uri), lang).toString();
    }

    private static String base(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private String owner() {
        caller.requireRole(ROLE);
        return caller.requireOrgnr();
    }

    private static SubscriptionService.Draft draft(SubscriptionRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a subscription (name, filters, webhookUrl) is required");
        }
        return new SubscriptionService.Draft(body.name(), body.filters(), body.webhookUrl());
    }

    private static SubscriptionView view(Subscription s, String secret) {
        String self = "/api/subscriptions/" + s.id();
        return new SubscriptionView(s.id(), s.ownerOrgnr(), s.name(), s.filters(), s.webhookUrl(), s.status(),
                s.pausedReason(), s.pausedAt(), s.createdAt(), s.updatedAt(), s.evaluationError(), s.evaluationErrorAt(),
                secret,
                new Links(self, self + "/deliveries", self + "/events", self + "/feed.atom", self + "/feed.json"));
    }
}
