package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.quality.domain.Appeals;
import io.tousu.quality.domain.Inspection;
import io.tousu.quality.domain.InspectionStatus;
import io.tousu.quality.domain.Spread;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import io.tousu.quality.domain.InspectionWork;
import io.tousu.quality.repository.InspectionRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inspections")
@Tag(name = "Inspections", description = "The inspector's queue: sampled complaints to claim and score")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectionResource {

    /** The agent's appeal. */
    @Schema(description = "An appeal (复核) of the inspected agent; the agent is the token's subject")
    public record AppealRequest(
            @Schema(description = "Why the score is wrong", required = true)
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            String reason) {
    }

    /** One scored inspection in a calibration. */
    @Schema(description = "One inspector's score of the complaint")
    public record CalibrationEntry(UUID inspectionId, int round, String inspectorId,
            @Schema(description = "True for an extra calibration inspection") boolean calibration,
            BigDecimal score, BigDecimal maxScore, Boolean criticalFailed, BigDecimal finalScore, Instant scoredAt) {

        static CalibrationEntry of(Inspection i) {
            return new CalibrationEntry(i.id, i.round, i.inspectorId, i.isCalibration(), i.score, i.maxScore,
                    i.criticalFailed, i.finalScore, i.scoredAt);
        }
    }

    /** Calibration of a complaint. */
    @Schema(description = "The scores several inspectors gave the same complaint and their spread (range = max - "
            + "min; standardDeviation = population standard deviation), computed over the inspectors' own scores")
    public record CalibrationView(UUID complaintId, List<CalibrationEntry> inspections, Spread spread) {
    }

    private final InspectionRepository inspections;
    private final InspectionWork work;
    private final Appeals appeals;
    private final Caller caller;

    public InspectionResource(InspectionRepository inspections, InspectionWork work, Appeals appeals,
            Caller caller) {
        this.appeals = appeals;
        this.caller = caller;
        this.inspections = inspections;
        this.work = work;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "The inspection queue",
            description = "Inspections matching the filters, oldest sampled first; e.g. status=PENDING for the work "
                    + "waiting to be claimed.")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<InspectionView>> list(
            @Parameter(description = "PENDING, CLAIMED, SCORED, APPEALED or REVIEWED") @QueryParam("status")
            String status,
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own (and gets it when it asks for none)") @QueryParam("province") String province,
            @Parameter(description = "Category code, e.g. BILLING_DISPUTE") @QueryParam("category") String category,
            @Parameter(description = "The inspected agent") @QueryParam("agentId") String agentId,
            @Parameter(description = "The agent's team") @QueryParam("teamId") String teamId,
            @Parameter(description = "The inspector who claimed it") @QueryParam("inspectorId") String inspectorId,
            @Parameter(description = "Only high-risk (true) or only the others (false)") @QueryParam("highRisk")
            String highRisk,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        InspectionRepository.Filter filter = new InspectionRepository.Filter(
                Params.oneOf("status", status, InspectionStatus.class), caller.scopeProvince(province), category, agentId, teamId,
                inspectorId, Params.bool("highRisk", highRisk));
        return Panache.withSession(() -> inspections.page(filter, Page.of(page, size)))
                .map(s -> new PageView<>(s.items().stream().map(InspectionView::of).toList(), page, size, s.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "One inspection, with its scorecard and the automatic items pre-filled from the history")
    @APIResponse(responseCode = "404", description = "No such inspection (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InspectionView> get(@PathParam("id") UUID id) {
        return work.detail(id, caller::canSee).map(InspectionView::of);
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Claim a pending inspection", description = "Claimed by the caller (the token's subject); "
            + "no body is needed (one sent, e.g. an older client's {\"inspectorId\": ...}, is ignored). Claiming "
            + "one's own claim again is harmless.")
    @APIResponse(responseCode = "409", description = "Claimed by another inspector, or already scored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InspectionView> claim(@PathParam("id") UUID id) {
        return work.claim(id, caller.id(), caller::canSee).map(InspectionView::of);
    }

    @POST
    @Path("{id}/score")
    @RolesAllowed(Roles.INSPECTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score a claimed inspection",
            description = "By the caller, who must have claimed it. Scored with the scorecard in use for the "
                    + "complaint's category (or the default); the inspection keeps that version. Publishes "
                    + "InspectionScored.")
    @APIResponse(responseCode = "400", description = "An item is unknown, missing, of the wrong kind, or an automatic "
            + "item is overridden without a reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not claimed by the caller, or already scored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InspectionView> score(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") InspectionRequests.Score body) {
        return work.score(id, body.toScoring(caller.id()), caller::canSee).map(InspectionView::of);
    }

    @POST
    @Path("{id}/appeals")
    @RolesAllowed(Roles.AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal a score (复核)",
            description = "Only the inspected agent (the token's subject), only a scored inspection, within "
                    + "tousu.quality.appeals.window after scoring.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such inspection (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not scored, already appealed, a calibration inspection, or "
            + "the appeal window has closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> appeal(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") AppealRequest body) {
        return appeals.appeal(id, caller.id(), body.reason(), caller::canSee)
                .map(a -> Response.status(201).entity(AppealView.of(a)).build());
    }

    @POST
    @Path("{id}/calibration")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Open a calibration inspection of the same complaint and round",
            description = "Claimed by the caller (not the inspector of the sampled inspection; no body is "
                    + "needed, one sent is ignored), then scored with "
                    + "POST /api/v1/inspections/{calibrationId}/score. It does not count toward the agent: no "
                    + "sampling quota, no InspectionScored, no appeal.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "404", description = "No such inspection (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The same inspector, a second calibration by the same "
            + "inspector, or a calibration inspection given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> calibrate(@PathParam("id") UUID id) {
        return work.calibrate(id, caller.id(), caller::canSee)
                .map(i -> Response.status(201).entity(InspectionView.of(i)).build());
    }

    @GET
    @Path("calibration")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "Inspector calibration: the scores of every inspection of a complaint and their spread")
    @APIResponse(responseCode = "400", description = "complaintId is missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No inspection of the complaint (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CalibrationView> calibration(
            @Parameter(description = "The complaint", required = true) @QueryParam("complaintId") String complaintId,
            @Parameter(description = "Only this resolution round") @QueryParam("round") String round) {
        if (complaintId == null) {
            throw ProblemException.invalidField("complaintId", "is required");
        }
        UUID complaint;
        try {
            complaint = UUID.fromString(complaintId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("complaintId", "must be a UUID");
        }
        Integer r = null;
        if (round != null) {
            try {
                r = Integer.valueOf(round);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("round", "must be a whole number");
            }
        }
        return work.calibration(complaint, r, caller::canSee).map(c -> new CalibrationView(c.complaintId(),
                c.inspections().stream().map(CalibrationEntry::of).toList(), c.spread()));
    }
}
