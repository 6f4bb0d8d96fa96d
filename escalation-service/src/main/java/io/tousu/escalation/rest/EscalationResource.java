package io.tousu.escalation.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.config.EscalationConfig;
import io.tousu.escalation.domain.ClockKind;
import io.tousu.escalation.repository.HistoryRepository;
import io.tousu.escalation.repository.SlaClockRepository;
import io.tousu.escalation.repository.TrackedComplaintRepository;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/escalations")
@Tag(name = "Escalations", description = "SLA clocks, escalation levels and regulator risk of complaints")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another "
        + "province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
public class EscalationResource {

    private final TrackedComplaintRepository complaints;
    private final SlaClockRepository clocks;
    private final HistoryRepository history;
    private final EscalationConfig config;
    private final Clock clock;
    private final Caller caller;

    public EscalationResource(TrackedComplaintRepository complaints, SlaClockRepository clocks,
            HistoryRepository history, EscalationConfig config, Clock clock, Caller caller) {
        this.caller = caller;
        this.complaints = complaints;
        this.clocks = clocks;
        this.history = history;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Clocks past their SLA deadline",
            description = "Open clocks (running at an escalation level's deadline, or out of levels) whose SLA deadline "
                    + "has passed, longest overdue first.")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<DeadlineView>> overdue(
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own "
                    + "(and gets it when it asks for none)") @QueryParam("province") String province,
            @Parameter(description = "Category code, e.g. BILLING_DISPUTE") @QueryParam("category") String category,
            @Parameter(description = "FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION or PROMISE") @QueryParam("clock")
            String clockKind,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        Instant now = clock.instant();
        SlaClockRepository.Filter filter = new SlaClockRepository.Filter(caller.scopeProvince(province),
                category, kind(clockKind));
        return Panache.withSession(() -> clocks.overdue(filter, now, Page.of(page, size)))
                .map(s -> new PageView<>(s.items().stream().map(c -> DeadlineView.of(c, now)).toList(), page, size,
                        s.total()));
    }

    @GET
    @Path("due-soon")
    @Operation(summary = "Clocks about to run out",
            description = "Running clocks not yet breached whose deadline falls within `within` from now, soonest first.")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<DeadlineView>> dueSoon(
            @Parameter(description = "ISO-8601 duration, e.g. PT2H") @QueryParam("within") @DefaultValue("PT2H")
            String within,
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own "
                    + "(and gets it when it asks for none)") @QueryParam("province") String province,
            @Parameter(description = "Category code, e.g. BILLING_DISPUTE") @QueryParam("category") String category,
            @Parameter(description = "FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION or PROMISE") @QueryParam("clock")
            String clockKind,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        Instant now = clock.instant();
        Duration window = window(within);
        SlaClockRepository.Filter filter = new SlaClockRepository.Filter(caller.scopeProvince(province),
                category, kind(clockKind));
        return Panache.withSession(() -> clocks.dueSoon(filter, now, window, Page.of(page, size)))
                .map(s -> new PageView<>(s.items().stream().map(c -> DeadlineView.of(c, now)).toList(), page, size,
                        s.total()));
    }

    @GET
    @Path("at-risk")
    @Operation(summary = "Open complaints at risk of a regulator appeal (越级申诉)",
            description = "Open complaints whose regulator-risk score is at least `minScore` (by default the threshold "
                    + "that raises RegulatorRiskRaised), highest first, with the signals behind each score.")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<AtRiskView>> atRisk(
            @Parameter(description = "Lowest score listed, 0-100") @QueryParam("minScore")
            @Min(value = 0, message = "must be 0 to 100") @Max(value = 100, message = "must be 0 to 100") Integer minScore,
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own "
                    + "(and gets it when it asks for none)") @QueryParam("province") String province,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        int min = minScore != null ? minScore : config.riskThreshold();
        String scope = caller.scopeProvince(province);
        return Panache.withSession(() -> complaints.atRisk(min, scope, Page.of(page, size)))
                .map(s -> new PageView<>(s.items().stream().map(AtRiskView::of).toList(), page, size, s.total()));
    }

    @GET
    @Path("{complaintId}")
    @Operation(summary = "A complaint's clocks, escalation level, regulator risk and history",
            description = "Clocks are armed when the complaint is received; the history lists every change in order.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ComplaintEscalationView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint (or not received yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ComplaintEscalationView> get(@PathParam("complaintId") UUID complaintId) {
        return Panache.withSession(() -> complaints.findById(complaintId).flatMap(c -> {
            if (c == null) {
                throw ProblemException.notFound("no clocks for complaint " + complaintId);
            }
            caller.requireVisible(c.province, "no clocks for complaint " + complaintId);
            return clocks.forComplaint(complaintId).flatMap(list -> history.forComplaint(complaintId)
                    .map(lines -> ComplaintEscalationView.of(c, list, lines)));
        }));
    }

    private static ClockKind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ClockKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("clock", "must be one of " + Arrays.toString(ClockKind.values()));
        }
    }

    private static Duration window(String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw ProblemException.invalidField("within", "must be a positive duration");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("within", "must be an ISO-8601 duration such as PT2H");
        }
    }
}
