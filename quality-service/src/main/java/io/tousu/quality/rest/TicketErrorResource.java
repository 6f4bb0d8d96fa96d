package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.quality.domain.ErrorType;
import io.tousu.quality.domain.TicketError;
import io.tousu.quality.domain.TicketErrors;
import io.tousu.quality.repository.TicketErrorRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ticket-errors")
@Tag(name = "Ticket errors", description = "Ticket errors (工单差错) found by inspectors or automatic checks")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TicketErrorResource {

    /** An inspector's finding. */
    @Schema(description = "A ticket error found by an inspector")
    public record ErrorRequest(
            @Schema(required = true) @NotNull(message = "is required") UUID complaintId,
            @Schema(description = "The inspection it was found in, when there is one") UUID inspectionId,
            @Schema(description = "WRONG_CATEGORY, WRONG_RESPONSIBILITY, MISSING_INFORMATION, WRONG_HANDLING, "
                    + "PROCESS_NOT_FOLLOWED or PROMISE_BROKEN (also recorded automatically)", required = true)
            @NotNull(message = "is required") ErrorType errorType,
            @Schema(description = "Who made it; by default the inspection's (else the complaint's) agent")
            @Pattern(regexp = InspectionRequests.STAFF_ID, message = InspectionRequests.STAFF_ID_MESSAGE) String agentId,
            @Schema(description = "That agent's team; by default the inspection's (else the complaint's)")
            @Pattern(regexp = InspectionRequests.STAFF_ID, message = InspectionRequests.STAFF_ID_MESSAGE) String teamId,
            @Schema(description = "What was wrong (no full phone numbers)", required = true)
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            String description,
            @Schema(description = "The inspector", example = "qa-07", required = true) @NotNull(message = "is required")
            @Pattern(regexp = InspectionRequests.STAFF_ID, message = InspectionRequests.STAFF_ID_MESSAGE)
            String recordedBy) {
    }

    /** A ticket error. */
    @Schema(description = "A ticket error (工单差错)")
    public record ErrorView(UUID id, UUID complaintId, UUID inspectionId, String province, ErrorType errorType,
            String agentId, String teamId, String description,
            @Schema(description = "The inspector, or SYSTEM for an automatic check") String recordedBy,
            Instant recordedAt) {

        static ErrorView of(TicketError e) {
            return new ErrorView(e.id, e.complaintId, e.inspectionId, e.province, e.errorType, e.agentId, e.teamId,
                    e.description, e.recordedBy, e.recordedAt);
        }
    }

    private final TicketErrorRepository errors;
    private final TicketErrors ticketErrors;
    private final Caller caller;

    public TicketErrorResource(TicketErrorRepository errors, TicketErrors ticketErrors, Caller caller) {
        this.caller = caller;
        this.errors = errors;
        this.ticketErrors = ticketErrors;
    }

    @POST
    @RolesAllowed(Roles.INSPECTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a ticket error", description = "Publishes TicketErrorRecorded (ticket accuracy). "
            + "Another province's complaint is refused like an unknown one.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ErrorView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong, the complaint is unknown, or the inspection "
            + "is not of that complaint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@Valid @NotNull(message = "a JSON body is required") ErrorRequest body) {
        return ticketErrors.record(new TicketErrors.Finding(body.complaintId(), body.inspectionId(), body.errorType(),
                body.agentId(), body.teamId(), body.description(), body.recordedBy()), caller::canSee)
                .map(e -> Response.status(201).entity(ErrorView.of(e)).build());
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "Ticket errors, newest first")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<ErrorView>> list(
            @Parameter(description = "One complaint's errors") @QueryParam("complaintId") UUID complaintId,
            @Parameter(description = "One agent's errors") @QueryParam("agentId") String agentId,
            @Parameter(description = "One type of error") @QueryParam("errorType") String errorType,
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own (and gets it when it asks for none)") @QueryParam("province")
            String province,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        ErrorType type = Params.oneOf("errorType", errorType, ErrorType.class);
        String scope = caller.scopeProvince(province);
        return Panache.withSession(() -> errors.page(scope, complaintId, agentId, type, Page.of(page, size)))
                .map(s -> new PageView<>(s.items().stream().map(ErrorView::of).toList(), page, size, s.total()));
    }
}
