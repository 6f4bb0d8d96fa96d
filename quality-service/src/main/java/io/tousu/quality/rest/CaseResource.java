package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
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

    public CaseResource(ErrorCaseRepository cases, TicketErrorRepository errors, TicketErrors ticketErrors) {
        this.cases = cases;
        this.errors = errors;
        this.ticketErrors = ticketErrors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a ticket error as a case")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or the error is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The error is already a case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> publish(@Valid @NotNull(message = "a JSON body is required") CaseRequest body) {
        return ticketErrors.publishCase(body.errorId(), body.title(), body.lesson(), body.publishedBy())
                .flatMap(c -> Panache.withSession(() -> errors.findById(c.errorId))
                        .map(e -> Response.status(201).entity(CaseView.of(c, e)).build()));
    }

    @GET
    @Operation(summary = "Published cases, newest first")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<CaseView>> list(
            @Parameter(description = "Only cases of this error type") @QueryParam("errorType") String errorType,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        ErrorType type = Params.oneOf("errorType", errorType, ErrorType.class);
        return Panache.withSession(() -> cases.page(type, Page.of(page, size)).flatMap(s -> (s.items().isEmpty()
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
