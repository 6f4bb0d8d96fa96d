package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.quality.domain.ScorecardAdmin;
import io.tousu.quality.repository.ScorecardRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scorecards")
@Tag(name = "Scorecards", description = "Weighted checklists per category (and a default), versioned")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScorecardResource {

    private final ScorecardRepository scorecards;
    private final ScorecardAdmin admin;
    private final Caller caller;

    public ScorecardResource(ScorecardRepository scorecards, ScorecardAdmin admin, Caller caller) {
        this.caller = caller;
        this.scorecards = scorecards;
        this.admin = admin;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The newest version of every scorecard in use (with retired=true also the retired ones)")
    public Uni<List<ScorecardView>> list(@Parameter(description = "Also list retired scorecards")
            @QueryParam("retired") @DefaultValue("false") boolean retired) {
        return Panache.withSession(() -> scorecards.current(retired))
                .map(all -> all.stream().map(ScorecardView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The newest version of a scorecard")
    @APIResponse(responseCode = "404", description = "No such scorecard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScorecardView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> scorecards.current(id)).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("no scorecard " + id);
            }
            return ScorecardView.of(s);
        });
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Every version of a scorecard, oldest first")
    public Uni<List<ScorecardView>> versions(@PathParam("id") UUID id) {
        return Panache.withSession(() -> scorecards.versions(id)).map(all -> {
            if (all.isEmpty()) {
                throw ProblemException.notFound("no scorecard " + id);
            }
            return all.stream().map(ScorecardView::of).toList();
        });
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a scorecard", description = "Version 1 of a new scorecard; one per category.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong, or the weights do not sum to 100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The category already has a scorecard in use",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") ScorecardRequest body,
            @Context UriInfo uri) {
        caller.scopeProvince(null); // 403 for a token with neither a province nor the national role
        return admin.create(body.toDefinition()).map(s -> Response.created(uri.getAbsolutePathBuilder()
                .path(s.scorecardId.toString()).build()).entity(ScorecardView.of(s)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a scorecard", description = "Adds a version; inspections already scored keep theirs.")
    @APIResponse(responseCode = "400", description = "A field is wrong, or the weights do not sum to 100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such scorecard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Retired, the category is taken, or the default would lose it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScorecardView> update(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") ScorecardRequest body) {
        caller.scopeProvince(null);
        return admin.update(id, body.toDefinition()).map(ScorecardView::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a scorecard", description = "Kept for the inspections scored with it; the default "
            + "scorecard cannot be retired.")
    @APIResponse(responseCode = "400", description = "changedBy is missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such scorecard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The default scorecard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScorecardView> retire(@PathParam("id") UUID id,
            @Parameter(description = "Who retires it", required = true) @QueryParam("changedBy")
            @NotNull(message = "is required")
            @Pattern(regexp = InspectionRequests.STAFF_ID, message = InspectionRequests.STAFF_ID_MESSAGE)
            String changedBy) {
        caller.scopeProvince(null);
        return admin.retire(id, changedBy).map(ScorecardView::of);
    }
}
