package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.quality.domain.Minefield;
import io.tousu.quality.domain.RiskHit;
import io.tousu.quality.domain.Severity;
import io.tousu.quality.repository.RiskHitRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/risk-hits")
@Tag(name = "Risk hits", description = "Events that hit a rule of the risk library, with their evidence")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RiskHitResource {

    /** A hit. */
    @Schema(description = "A risk-rule hit")
    public record HitView(UUID id, UUID ruleId, String ruleCode,
            @Schema(description = "The version of the rule that found it") int ruleVersion, Minefield minefield,
            Severity severity, UUID complaintId, String ticketNo,
            @Schema(description = "The event that hit the rule") UUID eventId, String eventType, String province,
            @Schema(description = "Who acted in the event, else the complaint's handler") String agentId,
            String teamId,
            @Schema(description = "The matched values; numbers of 8 or more digits masked (138****5678)")
            String evidence, Instant occurredAt, Instant recordedAt) {

        static HitView of(RiskHit h) {
            return new HitView(h.id, h.ruleId, h.ruleCode, h.ruleVersion, h.minefield, h.severity, h.complaintId,
                    h.ticketNo, h.eventId, h.eventType, h.province, h.agentId, h.teamId, h.evidence, h.occurredAt,
                    h.recordedAt);
        }
    }

    private final RiskHitRepository hits;
    private final Caller caller;

    public RiskHitResource(RiskHitRepository hits, Caller caller) {
        this.hits = hits;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "Risk hits, newest first", description = "Filtered by province (the token's own unless "
            + "national), minefield, rule, agent, team, complaint and the time of the event that hit.")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<HitView>> list(
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own (and gets it when it asks for none)") @QueryParam("province") String province,
            @Parameter(description = "OPERATIONAL_VIOLATION, INFORMATION_SECURITY, SERVICE_RED_LINE or PROCESS_ERROR")
            @QueryParam("minefield") String minefield,
            @Parameter(description = "A rule's code") @QueryParam("rule") String rule,
            @Parameter(description = "The agent charged with the hit") @QueryParam("agentId") String agentId,
            @Parameter(description = "The agent's team") @QueryParam("teamId") String teamId,
            @Parameter(description = "One complaint's hits") @QueryParam("complaintId") String complaintId,
            @Parameter(description = "Events at or after this instant, e.g. 2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Events before this instant") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        Instant start = Params.instant("from", from);
        Instant end = Params.instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        RiskHitRepository.Filter f = new RiskHitRepository.Filter(caller.scopeProvince(province),
                Params.oneOf("minefield", minefield, Minefield.class), rule, agentId, teamId,
                Params.uuid("complaintId", complaintId), start, end);
        return Panache.withSession(() -> hits.page(f, Page.of(page, size)))
                .map(s -> new PageView<>(s.items().stream().map(HitView::of).toList(), page, size, s.total()));
    }
}
