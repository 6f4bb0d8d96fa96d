package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.quality.domain.ErrorCase;
import io.tousu.quality.domain.ErrorType;
import io.tousu.quality.domain.TicketError;
import io.tousu.quality.domain.TicketErrors;
import io.tousu.quality.repository.ErrorCaseRepository;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Tag(name = "Error cases", description = "Typical ticket errors published with a lesson (差错案例推送)")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseResource {

    /** Publish a ticket error as a case. */
    @Schema(description = "Publish a ticket error as a case with its lesson")
    public record CaseRequest(
            @Schema(required = true) @NotNull(message = "is required") UUID errorId,
            @Schema(example = "Data-package dispute filed as billing", required = true)
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
            @Schema(description = "What every agent should learn from it", required = true)
            @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters")
            String lesson,
            @Schema(example = "qa-lead-1", required = true) @NotNull(message = "is required")
            @Pattern(regexp = InspectionRequests.STAFF_ID, message = InspectionRequests.STAFF_ID_MESSAGE)
            String publishedBy) {
    }

    /** A published case with its error. */
    @Schema(description = "A published error case")
    public record CaseView(UUID id, String title, String lesson, String publishedBy, Instant publishedAt,
            UUID errorId, ErrorType errorType, String errorDescription, UUID complaintId) {

        static CaseView of(ErrorCase c, TicketError e) {
            return new CaseView(c.id, c.title, c.lesson, c.publishedBy, c.publishedAt, c.errorId, e.errorType,
                    e.description, e.complaintId);
        }
    }

    private final ErrorCaseRepository cases;
    private final TicketErrorRepository errors;
    private final TicketErrors ticketErrors;
    private final Caller caller;

    public CaseResource(ErrorCaseRepository cases, TicketErrorRepository errors, TicketErrors ticketErrors,
            Caller caller) {
        this.caller = caller;
        this.cases = cases;
        this.errors = errors;
        this.ticketErrors = ticketErrors;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a ticket error as a case",
            description = "Inspectors and supervisors publish the errors of their province; another province's "
                    + "error is refused like an unknown one.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or the error is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The error is already a case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> publish(@Valid @NotNull(message = "a JSON body is required") CaseRequest body) {
        return ticketErrors.publishCase(body.errorId(), body.title(), body.lesson(), body.publishedBy(),
                caller::canSee)
                .flatMap(c -> Panache.withSession(() -> errors.findById(c.errorId))
                        .map(e -> Response.status(201).entity(CaseView.of(c, e)).build()));
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Published cases, newest first",
            description = "Every staff role learns from them; cases of the token's province (national: any).")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<CaseView>> list(
            @Parameter(description = "Only cases of this error type") @QueryParam("errorType") String errorType,
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own (and gets it when it asks for none)") @QueryParam("province")
            String province,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        ErrorType type = Params.oneOf("errorType", errorType, ErrorType.class);
        String scope = caller.scopeProvince(province);
        return Panache.withSession(() -> cases.page(scope, type, Page.of(page, size)).flatMap(s -> (s.items().isEmpty()
                ? Uni.createFrom().item(List.<TicketError>of())
                : errors.list("id in ?1", s.items().stream().map(c -> c.errorId).toList()))
                .map(found -> {
                    Map<UUID, TicketError> byId = found.stream()
                            .collect(Collectors.toMap(e -> e.id, Function.identity()));
                    return new PageView<>(s.items().stream().map(c -> CaseView.of(c, byId.get(c.errorId))).toList(),
                            page, size, s.total());
                })));
    }
}
