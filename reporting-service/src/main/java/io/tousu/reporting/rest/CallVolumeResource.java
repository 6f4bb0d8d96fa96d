package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
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
public class CallVolumeResource {

    private final CallVolumeRepository volumes;
    private final Clock clock = Clock.systemUTC();

    public CallVolumeResource(CallVolumeRepository volumes) {
        this.volumes = volumes;
    }

    @POST
    @Operation(summary = "Report the manual call volume of a day",
            description = "The same report as a CallVolumeReported event on tousu.call-volume, for call centres "
                    + "without a Kafka feed. A later report of the same province, day and city replaces the earlier one.")
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = CallVolumeView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; the body lists each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CallVolumeView> report(@Valid @NotNull(message = "a JSON body is required") CallVolumeRequest body) {
        Instant now = clock.instant();
        String city = body.city() == null ? null : body.city().strip();
        return Panache.withTransaction(() -> volumes.report(body.province(), body.date(), city, body.manualCalls(),
                now)).map(stored -> new CallVolumeView(body.province(), body.date(), city, body.manualCalls(), now));
    }
}
