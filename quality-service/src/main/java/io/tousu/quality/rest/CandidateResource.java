package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.quality.domain.ComplaintHistory;
import io.tousu.quality.domain.HighRiskRules;
import io.tousu.quality.domain.SamplingDecision;
import io.tousu.quality.repository.HistoryRepository;
import io.tousu.quality.repository.SamplingDecisionRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inspection-candidates")
@Tag(name = "Sampling", description = "Complaints quality may inspect, with their high-risk reasons and sampling decisions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CandidateResource {

    /** A complaint as sampling sees it. */
    @Schema(description = "A complaint as sampling sees it: its history's facts, high-risk reasons and decisions")
    public record CandidateView(UUID complaintId, String ticketNo, String province, String channel, String category,
            @Schema(description = "Agent whose handling would be inspected") String agentId, String teamId,
            @Schema(description = "Resolved (and not reopened since) or closed") boolean finished,
            @Schema(description = "Reopens so far: the current resolution round") int round,
            @Schema(description = "Always inspected when finished") boolean highRisk,
            @Schema(description = "REGULATOR, COMPENSATION, REPEAT, ESCALATED, REOPENED, STAFF_SUBSTANTIATED")
            List<String> riskReasons,
            List<DecisionView> decisions) {
    }

    /** One sampling decision. */
    @Schema(description = "The sampling decision of one resolution round")
    public record DecisionView(int round, boolean sampled,
            @Schema(description = "A high-risk reason, RANDOM, AGENT_COVERAGE or NOT_DRAWN") String reason,
            List<String> reasons, boolean highRisk,
            @Schema(description = "The seeded random draw in [0, 1)") double draw, Instant decidedAt,
            UUID inspectionId) {

        static DecisionView of(SamplingDecision d) {
            return new DecisionView(d.round, d.sampled, d.reason,
                    d.reasons.isEmpty() ? List.of() : List.of(d.reasons.split(",")), d.highRisk, d.draw, d.decidedAt,
                    d.inspectionId);
        }
    }

    private final HistoryRepository history;
    private final SamplingDecisionRepository decisions;
    private final Caller caller;

    public CandidateResource(HistoryRepository history, SamplingDecisionRepository decisions, Caller caller) {
        this.caller = caller;
        this.history = history;
        this.decisions = decisions;
    }

    @GET
    @Path("{complaintId}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "A complaint's inspection candidacy",
            description = "High-risk complaints (regulator channel, compensation, repeat, escalated, reopened, "
                    + "substantiated against staff) are always inspected when resolved or closed; the others by "
                    + "agent coverage or the seeded random draw.")
    @APIResponse(responseCode = "404", description = "Quality has no event of this complaint (or it is "
            + "another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CandidateView> get(@PathParam("complaintId") UUID complaintId) {
        return Panache.withSession(() -> history.events(complaintId).flatMap(events -> {
            if (events.isEmpty()) {
                throw ProblemException.notFound("no events of complaint " + complaintId);
            }
            ComplaintHistory h = ComplaintHistory.of(events);
            caller.requireVisible(h.province(), "no events of complaint " + complaintId);
            List<String> reasons = HighRiskRules.reasons(h);
            return decisions.forComplaint(complaintId).map(ds -> new CandidateView(complaintId, h.ticketNo(),
                    h.province(), h.channel(), h.category(), h.agentId(), h.teamId(), h.isFinished(), h.round(),
                    !reasons.isEmpty(), reasons, ds.stream().map(DecisionView::of).toList()));
        }));
    }
}
