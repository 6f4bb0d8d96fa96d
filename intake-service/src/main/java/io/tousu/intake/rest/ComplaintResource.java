package io.tousu.intake.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.ComplaintIntake;
import io.tousu.intake.repository.ComplaintRepository;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "Multi-channel intake and the complaint record")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    private final ComplaintIntake intake;
    private final ComplaintRepository complaints;

    public ComplaintResource(ComplaintIntake intake, ComplaintRepository complaints) {
        this.intake = intake;
        this.complaints = complaints;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a complaint from a channel",
            description = "Stores the complaint with its ComplaintReceived event in one transaction and gives it a "
                    + "ticket number. The same channel + channelRef returns the existing complaint (200) instead of "
                    + "creating a second one.")
    @APIResponse(responseCode = "201", description = "Taken in; Location names the new complaint",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "Already taken in under this channel + channelRef",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; the body lists each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull(message = "a JSON body is required") SubmitComplaintRequest body,
            @Context UriInfo uri) {
        return intake.submit(body.toCommand()).map(s -> s.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(s.complaint().id.toString()).build())
                        .entity(ComplaintView.of(s.complaint())).build()
                : Response.ok(ComplaintView.of(s.complaint())).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one complaint")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ComplaintView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> complaints.findById(id)).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("no complaint " + id);
            }
            return ComplaintView.of(c);
        });
    }
}
