package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.quality.domain.AppealStatus;
import io.tousu.quality.domain.Appeals;
import io.tousu.quality.repository.AppealRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/appeals")
@Tag(name = "Appeals", description = "Agents' appeals (复核) against scores, decided by a second inspector")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AppealResource {

    /** A second inspector's decision. */
    @Schema(description = "The decision of an appeal; the deciding inspector is the token's subject")
    public record DecisionRequest(
            @Schema(description = "true when the agent is right and the score changes", required = true)
            @NotNull(message = "is required") Boolean upheld,
            @Schema(description = "The new score; required when upheld, left out (or equal to the original) when not")
            @DecimalMin(value = "0", message = "must be 0 or more")
            @Digits(integer = 4, fraction = 2, message = "must have at most 2 decimals") BigDecimal finalScore,
            @Schema(description = "Why it is decided so", required = true)
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            String reason) {
    }

    private final AppealRepository appeals;
    private final Appeals work;
    private final Caller caller;

    public AppealResource(AppealRepository appeals, Appeals work, Caller caller) {
        this.appeals = appeals;
        this.work = work;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "Appeals, oldest first", description = "e.g. status=OPEN for the appeals waiting for a decision.")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<AppealView>> list(
            @Parameter(description = "OPEN, UPHELD or REJECTED") @QueryParam("status") String status,
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own (and gets it when it asks for none)") @QueryParam("province") String province,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        AppealStatus s = Params.oneOf("status", status, AppealStatus.class);
        String scope = caller.scopeProvince(province);
        return Panache.withSession(() -> appeals.page(s, scope, Page.of(page, size)))
                .map(p -> new PageView<>(p.items().stream().map(AppealView::of).toList(), page, size, p.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "One appeal")
    @APIResponse(responseCode = "404", description = "No such appeal (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AppealView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> appeals.findById(id)).map(a -> {
            if (a == null || !caller.canSee(a.province)) {
                throw ProblemException.notFound("no appeal " + id);
            }
            return AppealView.of(a);
        });
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.INSPECTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide an open appeal",
            description = "By an inspector other than the one who scored the inspection (the token's subject). "
                    + "Sets the inspection's final score and publishes AppealDecided.")
    @APIResponse(responseCode = "400", description = "A field is wrong, or the final score is missing or out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such appeal (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AppealView> decide(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") DecisionRequest body) {
        return work.decide(id, new Appeals.Decision(caller.id(), body.upheld(), body.finalScore(), body.reason()),
                caller::canSee).map(AppealView::of);
    }
}
