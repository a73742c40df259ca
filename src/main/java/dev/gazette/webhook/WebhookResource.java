package dev.gazette.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.HttpCaching;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    private static final String DELIVERY_STATUSES = "pending, delivered, failed (any case)";

    @Inject
    WebhookService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook endpoint", description = """
            Admins only. Gazette POSTs each subscribed event to `url` as JSON (see the WebhookPayload schema), signed:
            `X-Gazette-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, with
            `X-Gazette-Event` (the event name) and `X-Gazette-Delivery` (a UUID, the same on every retry: drop duplicates by it).
            Any 2xx within `gazette.webhooks.timeout` counts as delivered; anything else is retried with doubling waits.
            The response shows the secret this once.""")
    @APIResponse(responseCode = "201", description = "Registered; the body holds the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.Created.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createWebhook(@NotNull @Valid WebhookView.Input input, @Context UriInfo uri) {
        WebhookView.Created created = service.create(input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/webhooks/{id}").build(created.id()))
                .cacheControl(HttpCaching.noStore()).entity(created).build();
    }

    @GET
    @Operation(summary = "List webhook endpoints", description = """
            Admins only. Every endpoint, oldest first, keyset-paged: follow `page.next` until it is null. Secrets are never shown.""")
    @APIResponse(responseCode = "200", description = "A page of endpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response listWebhooks(
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJ3ZWJob29rcyIsImEiLDRd")
            @QueryParam("cursor") String cursor) {
        ListPage<WebhookView> page = service.list(Params.blankToNull(cursor), Params.limit(limit));
        return Response.ok(page).cacheControl(HttpCaching.noStore()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook endpoint", description = "Admins only. `enabled` false with `disabledReason` tells why deliveries stopped.")
    @APIResponse(responseCode = "200", description = "The endpoint; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getWebhook(@Parameter(description = "Webhook id", example = "4") @PathParam("id") String id) {
        return withVersion(service.get(Params.id("id", id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change a webhook endpoint", description = """
            JSON Merge Patch of the WebhookInput document: change the URL or events, rotate the `secret`, or set `enabled`.
            Enabling a disabled endpoint resets its failure count, and its waiting deliveries go out at once, oldest first.""")
    @APIResponse(responseCode = "200", description = "The changed endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchWebhook(@Parameter(description = "Webhook id", example = "4") @PathParam("id") String id,
                                 @Parameter(description = "ETag from a GET; 412 when the endpoint changed since", example = "\"2\"")
                                 @HeaderParam("If-Match") String ifMatch,
                                 @NotNull JsonNode patch) {
        return withVersion(service.patch(Params.id("id", id), patch, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook endpoint", description = "Removes the endpoint with its delivery log; waiting deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void deleteWebhook(@Parameter(description = "Webhook id", example = "4") @PathParam("id") String id) {
        service.delete(Params.id("id", id));
    }

    @POST
    @Path("/{id}/ping")
    @Operation(summary = "Send a test event", description = "Queues a `ping` event for this endpoint, to check the URL and the signature check.")
    @APIResponse(responseCode = "202", description = "Queued; Location is the delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response pingWebhook(@Parameter(description = "Webhook id", example = "4") @PathParam("id") String id, @Context UriInfo uri) {
        return accepted(service.ping(Params.id("id", id)), uri);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery log of an endpoint", description = """
            Deliveries newest first, with the outcome of each one's latest attempt (status code, error, duration) and, while
            it is retrying, when the next attempt is due.""")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response listDeliveries(
            @Parameter(description = "Webhook id", example = "4") @PathParam("id") String id,
            @Parameter(description = "Only deliveries in this state: " + DELIVERY_STATUSES, example = "failed") @QueryParam("status") String status,
            @Parameter(description = "page.next of the previous page", example = "WyJkZWxpdmVyaWVzIiwiYSIsMTIwXQ") @QueryParam("cursor") String cursor,
            @Parameter(description = "Deliveries per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit) {
        DeliveryStatus state = Params.enumValue("status", status, DeliveryStatus.class, null);
        ListPage<DeliveryView> page = service.deliveries(Params.id("id", id), state == null ? null : state.name(),
                Params.blankToNull(cursor), Params.limit(limit));
        return Response.ok(page).cacheControl(HttpCaching.noStore()).build();
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery", description = "The delivery with the exact JSON body that was (or will be) sent.")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getDelivery(@Parameter(description = "Webhook id", example = "4") @PathParam("id") String id,
                                @Parameter(description = "Delivery id (X-Gazette-Delivery)", example = "6f1c2a7e-3b9d-4c5e-8f10-2a3b4c5d6e7f")
                                @PathParam("deliveryId") String deliveryId) {
        return Response.ok(service.delivery(Params.id("id", id), deliveryId)).cacheControl(HttpCaching.noStore()).build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Redeliver by hand", description = """
            Sends the same payload (same event id) again as a new delivery with a new delivery id, whatever became of the
            original: delivered, still retrying or given up.""")
    @APIResponse(responseCode = "202", description = "Queued; Location is the new delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response redeliver(@Parameter(description = "Webhook id", example = "4") @PathParam("id") String id,
                              @Parameter(description = "Delivery id to repeat", example = "6f1c2a7e-3b9d-4c5e-8f10-2a3b4c5d6e7f")
                              @PathParam("deliveryId") String deliveryId,
                              @Context UriInfo uri) {
        return accepted(service.redeliver(Params.id("id", id), deliveryId), uri);
    }

    /** States of a delivery, for the status filter. */
    public enum DeliveryStatus { PENDING, DELIVERED, FAILED }

    @Schema(name = "WebhookPage", description = "A page of webhook endpoints")
    public record WebhookPage(List<WebhookView> items, PageInfo page) {
    }

    @Schema(name = "WebhookDeliveryPage", description = "A page of deliveries")
    public record DeliveryPage(List<DeliveryView> items, PageInfo page) {
    }

    private static Response accepted(DeliveryView delivery, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path("api/v1/webhooks/{id}/deliveries/{delivery}")
                .build(delivery.webhookId(), delivery.id());
        return Response.accepted(delivery).location(location).cacheControl(HttpCaching.noStore()).build();
    }

    private static Response withVersion(WebhookView view) {
        return Response.ok(view).header("ETag", "\"" + view.version() + "\"").cacheControl(HttpCaching.noStore()).build();
    }

}
