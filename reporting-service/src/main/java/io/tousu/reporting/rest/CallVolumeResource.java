package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.reporting.repository.CallVolumeRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/call-volumes")
@Tag(name = "Call volumes", description = "Manual call counts, the denominator of valid complaints per 10k calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the report is for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CallVolumeResource {

    private final CallVolumeRepository volumes;
    private final Clock clock = Clock.systemUTC();
    private final Caller caller;

    public CallVolumeResource(CallVolumeRepository volumes, Caller caller) {
        this.caller = caller;
        this.volumes = volumes;
    }

    @POST
    @RolesAllowed({Roles.CHANNEL, Roles.ADMIN})
    @Operation(summary = "Report the manual call volume of a day",
            description = "The same report as a CallVolumeReported event on tousu.call-volume, for call centres "
                    + "without a Kafka feed. A later report of the same province, day and city replaces the earlier one.")
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = CallVolumeView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; the body lists each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CallVolumeView> report(@Valid @NotNull(message = "a JSON body is required") CallVolumeRequest body) {
        caller.requireWritable(body.province());
        Instant now = clock.instant();
        String city = body.city() == null ? null : body.city().strip();
        return Panache.withTransaction(() -> volumes.report(body.province(), body.date(), city, body.manualCalls(),
                now)).map(stored -> new CallVolumeView(body.province(), body.date(), city, body.manualCalls(), now));
    }
}
