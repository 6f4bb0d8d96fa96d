package io.tousu.quality.rest;

import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.quality.config.QualityConfig;
import io.tousu.quality.domain.Flags;
import io.tousu.quality.domain.PeerOutliers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/flags")
@Tag(name = "Flags", description = "Agents and teams whose error or risk-hit rate is abnormal versus their peers")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FlagResource {

    static final String STATISTIC = "p-chart against leave-one-out peers: for a unit with n tickets finished in the "
            + "month, x of them with the event (a ticket error, or a risk hit), the peers' pooled rate is "
            + "p0 = (X - x) / (N - n) over all other units of the same level; se = sqrt(p0 (1 - p0) / n); "
            + "z = (x / n - p0) / se. Flagged when n >= minVolume and z >= zThreshold, i.e. the rate is above "
            + "the upper control limit p0 + zThreshold * se, and the exact binomial tail P(X >= x | n, p0) is at "
            + "most 1 - Phi(zThreshold) (guarding the normal approximation when few events are expected). When "
            + "the peers had no event, p0 is taken as 0.5 / (N - n).";

    /** One unit's judgement. */
    @Schema(description = "An agent's or team's rate against its peers")
    public record FlagView(
            @Schema(description = "AGENT or TEAM") Flags.Level level, String id,
            @Schema(description = "TICKET_ERRORS or RISK_HITS") Flags.Measure measure,
            @Schema(description = "Tickets finished in the month (n)") long tickets,
            @Schema(description = "Of them with the event (x)") long events,
            @Schema(description = "x / n") double rate,
            @Schema(description = "Pooled rate of the peers (p0); null with no peers") Double peerRate,
            @Schema(description = "p0 + zThreshold * se") Double upperControlLimit,
            @Schema(description = "(x / n - p0) / se") Double z,
            @Schema(description = "Exact binomial P(X >= x | n, p0)") Double pValue, boolean flagged) {

        static FlagView of(Flags.Flag f) {
            PeerOutliers.Judgement j = f.judgement();
            return new FlagView(f.level(), f.id(), f.measure(), j.tickets(), j.events(), round(j.rate()),
                    num(j.peerRate()), num(j.upperControlLimit()), num(j.z()),
                    Double.isNaN(j.pValue()) ? null : j.pValue(), j.flagged());
        }

        private static Double num(double d) {
            return Double.isNaN(d) ? null : round(d);
        }

        private static double round(double d) {
            return Math.round(d * 10000) / 10000.0;
        }
    }

    /** The flags of a month. */
    @Schema(description = "Flags of a province's month and how they were found")
    public record FlagsView(String province, String month,
            @Schema(description = "How the rates are judged") String statistic, int minVolume, double zThreshold,
            @Schema(description = "The flagged agents and teams (all of them with all=true)") List<FlagView> flags) {
    }

    private final Flags flags;
    private final Caller caller;
    private final QualityConfig config;
    private final Clock clock;

    public FlagResource(Flags flags, Caller caller, QualityConfig config, Clock clock) {
        this.flags = flags;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "Agents and teams flagged for intervention (绩效干预)",
            description = "Compares each agent's (and team's) share of tickets with a ticket error, and with a risk "
                    + "hit, with its peers' this month; see statistic in the answer. Settings: "
                    + "tousu.quality.flags.min-volume and tousu.quality.flags.z-threshold.")
    @APIResponse(responseCode = "400", description = "The month is malformed, or a national token gave no province",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FlagsView> list(
            @Parameter(description = "Province code; by default the token's (a national token must give one)")
            @QueryParam("province") String province,
            @Parameter(description = "yyyy-MM; by default the current month in the province's zone")
            @QueryParam("month") String month,
            @Parameter(description = "Also list the units that are not flagged") @QueryParam("all")
            @DefaultValue("false") String all) {
        String scope = caller.scopeProvince(province);
        if (scope == null) {
            throw ProblemException.invalidField("province", "is required for a national token");
        }
        YearMonth m = Params.month("month", month);
        boolean everyone = Boolean.TRUE.equals(Params.bool("all", all));
        String theMonth = (m != null ? m : YearMonth.now(clock.withZone(config.zone()))).toString();
        return flags.of(scope, theMonth).map(r -> new FlagsView(r.province(), r.month(), STATISTIC, r.minVolume(),
                r.zThreshold(), (everyone ? r.all() : r.flagged()).stream().map(FlagView::of).toList()));
    }
}
