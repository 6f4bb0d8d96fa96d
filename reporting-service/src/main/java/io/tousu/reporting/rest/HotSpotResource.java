package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.reporting.repository.HotSpotRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hotspots")
@Tag(name = "Hot spots", description = "Early warnings (服务风险预警): categories and cities whose complaints spike")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HotSpotResource {

    private final HotSpotRepository spots;
    private final Caller caller;

    public HotSpotResource(HotSpotRepository spots, Caller caller) {
        this.caller = caller;
        this.spots = spots;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Hot-spot episodes of a province, newest first",
            description = "An episode opens when the complaints of a category or city in the last window are far "
                    + "above the same window of the previous days (Poisson tail probability, with a minimum count), "
                    + "raising one HotSpotDetected event on tousu.reporting, and ends when they subside.")
    @APIResponse(responseCode = "400", description = "A parameter is wrong; the body names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<HotSpotView>> list(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "open, or all (open and ended)", example = "open")
            @QueryParam("status") @DefaultValue("all") String status,
            @Parameter(description = "Most episodes returned") @QueryParam("limit") @DefaultValue("100")
            @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000")
            int limit) {
        String p = QueryParams.province(caller.scopeProvince(province));
        boolean openOnly = switch (status) {
            case "open" -> true;
            case "all" -> false;
            default -> throw ProblemException.invalidField("status", "must be open or all");
        };
        return Panache.withSession(() -> spots.list(p, openOnly, limit))
                .map(list -> list.stream().map(HotSpotView::of).toList());
    }
}
