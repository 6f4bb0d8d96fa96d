package io.tousu.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.RankingReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "Agent and team rankings for coaching and rotation")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RankingResource {

    private final RankingReports rankings;
    private final Caller caller;
    private final ZoneId zone;

    public RankingResource(RankingReports rankings, Caller caller, ReportingConfig config) {
        this.rankings = rankings;
        this.caller = caller;
        this.zone = config.zone();
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Agents or teams of a province in a month, ranked best first",
            description = "Per agent (the complaint's owner; the agent named on a ticket error) or team: complaints "
                    + "owned (received in the month), resolved, ticket errors, substantiated and substantiated staff "
                    + "complaints (resolved in the month), and error rate = ticket errors / complaints owned × 100. "
                    + "Ranked by error rate (lowest first; members without ticket volume last), then substantiated "
                    + "staff complaints and substantiated complaints (fewest first), then ticket volume (most "
                    + "first); members equal on all of these share a rank (1, 2, 2, 4).")
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong; the body names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RankingView> rankings(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "The month, YYYY-MM", required = true, example = "2026-09")
            @QueryParam("month") String month,
            @Parameter(description = "agent or team", example = "team")
            @QueryParam("by") @DefaultValue("agent") String by) {
        String p = QueryParams.province(caller.scopeProvince(province));
        YearMonth ym = QueryParams.month("month", month);
        Dimension dimension = switch (by.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "agent" -> Dimension.AGENT;
            case "team" -> Dimension.TEAM;
            default -> throw ProblemException.invalidField("by", "must be agent or team");
        };
        return rankings.rank(p, dimension, ym.atDay(1).atStartOfDay(zone).toInstant(),
                ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())
                .map(entries -> new RankingView(p, ym.toString(), dimension, zone.getId(), entries));
    }
}
