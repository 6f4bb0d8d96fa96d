package io.tousu.intake.rest;

import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.CustomerTracking;
import io.tousu.platform.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/track/{ticketNo}")
@Tag(name = "Customer self-service", description = "Follow, urge and add to a complaint with the ticket number and "
        + "the last four digits of the phone number. Shows the stages only, nothing else about the complaint.")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerTracking.TrackingView.class)))
@APIResponse(responseCode = "404", description = "Unknown ticket or wrong verification (the same answer for both)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many failed attempts for this ticket or from this address; "
        + "wait and try again",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TrackingResource {

    private static final String TICKET = "[A-Z]{2}[0-9]{14}";
    private static final String TICKET_MESSAGE = "must be a ticket number such as GD20261122000123";

    /** The verification: the last four digits of the phone number. */
    public record Verified(
            @Schema(description = "Last four digits of the phone number", example = "5678", required = true)
            @NotBlank(message = "is required: the last four digits of your phone number")
            @Pattern(regexp = "[0-9]{4}", message = "must be the last four digits of your phone number")
            String verification) {
    }

    /** Information or a suggestion from the customer. */
    public record CustomerText(
            @Schema(example = "5678", required = true)
            @NotBlank(message = "is required: the last four digits of your phone number")
            @Pattern(regexp = "[0-9]{4}", message = "must be the last four digits of your phone number")
            String verification,
            @Schema(description = "What you want to add", required = true)
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            String text) {
    }

    /** The customer's answer to the follow-up question. */
    public record CustomerFollowUp(
            @Schema(example = "5678", required = true)
            @NotBlank(message = "is required: the last four digits of your phone number")
            @Pattern(regexp = "[0-9]{4}", message = "must be the last four digits of your phone number")
            String verification,
            @NotNull(message = "is required: true or false") Boolean satisfied,
            @NotNull(message = "is required: true or false") Boolean resolved,
            @Size(max = 1000, message = "must be at most 1000 characters") String comment) {
    }

    private final CustomerTracking tracking;

    @Context
    HttpServerRequest request;

    public TrackingResource(CustomerTracking tracking) {
        this.tracking = tracking;
    }

    /** The client's address (behind a proxy: from X-Forwarded-For when proxy forwarding is on). */
    private String client() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @GET
    @Operation(summary = "Where is my complaint?", description = "The stages so far and the expected next step.")
    public Uni<CustomerTracking.TrackingView> view(
            @PathParam("ticketNo") @Pattern(regexp = TICKET, message = TICKET_MESSAGE) String ticketNo,
            @Parameter(description = "Last four digits of the phone number", required = true, example = "5678")
            @QueryParam("verification") @NotBlank(message = "is required: the last four digits of your phone number")
            @Pattern(regexp = "[0-9]{4}", message = "must be the last four digits of your phone number")
            String verification) {
        return tracking.view(ticketNo, verification, client());
    }

    @POST
    @Path("urge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Urge (催单)", description = "Counted once per 10 minutes; raises the complaint's priority.")
    public Uni<CustomerTracking.TrackingView> urge(
            @PathParam("ticketNo") @Pattern(regexp = TICKET, message = TICKET_MESSAGE) String ticketNo,
            @Valid @NotNull(message = "a JSON body is required") Verified body) {
        return tracking.urge(ticketNo, body.verification(), client());
    }

    @POST
    @Path("information")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add information (问题补充)")
    public Uni<CustomerTracking.TrackingView> addInformation(
            @PathParam("ticketNo") @Pattern(regexp = TICKET, message = TICKET_MESSAGE) String ticketNo,
            @Valid @NotNull(message = "a JSON body is required") CustomerText body) {
        return tracking.addInformation(ticketNo, body.verification(), body.text(), client());
    }

    @POST
    @Path("suggestions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Leave a suggestion")
    public Uni<CustomerTracking.TrackingView> suggest(
            @PathParam("ticketNo") @Pattern(regexp = TICKET, message = TICKET_MESSAGE) String ticketNo,
            @Valid @NotNull(message = "a JSON body is required") CustomerText body) {
        return tracking.suggest(ticketNo, body.verification(), body.text(), client());
    }

    @POST
    @Path("follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the follow-up question", description = "Not solved reopens the complaint.")
    public Uni<CustomerTracking.TrackingView> followUp(
            @PathParam("ticketNo") @Pattern(regexp = TICKET, message = TICKET_MESSAGE) String ticketNo,
            @Valid @NotNull(message = "a JSON body is required") CustomerFollowUp body) {
        return tracking.answerFollowUp(ticketNo, body.verification(), body.satisfied(), body.resolved(),
                body.comment(), client());
    }
}
