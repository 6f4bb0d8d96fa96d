package io.tousu.intake.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.Complaint;
import io.tousu.intake.domain.ComplaintIntake;
import io.tousu.intake.domain.ComplaintStatus;
import io.tousu.intake.domain.ComplaintWorkflow;
import io.tousu.intake.domain.Priority;
import io.tousu.intake.repository.ComplaintFilter;
import io.tousu.intake.repository.ComplaintRepository;
import io.tousu.intake.repository.HistoryRepository;
import io.tousu.intake.repository.PromiseRepository;
import io.tousu.intake.domain.Actor;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "Multi-channel intake, the complaint record and its closed-loop lifecycle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A field is missing or wrong; the body lists each one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the complaint is not the "
        + "caller's to act on")
public class ComplaintResource {

    private static final String IF_MATCH_DOC = "The complaint's version (from GET or ETag); a stale version answers 409";

    /** A page of complaints. */
    public record ComplaintPage(List<ComplaintView> items, int page, int size, long total) {
    }

    private final ComplaintIntake intake;
    private final ComplaintWorkflow workflow;
    private final ComplaintRepository complaints;
    private final HistoryRepository history;
    private final PromiseRepository promises;
    private final Caller caller;

    public ComplaintResource(ComplaintIntake intake, ComplaintWorkflow workflow, ComplaintRepository complaints,
            HistoryRepository history, PromiseRepository promises, Caller caller) {
        this.caller = caller;
        this.intake = intake;
        this.workflow = workflow;
        this.complaints = complaints;
        this.history = history;
        this.promises = promises;
    }

    @RolesAllowed({Roles.CHANNEL, Roles.AGENT, Roles.SUPERVISOR})
    @POST
    @Operation(summary = "Submit a complaint from a channel",
            description = "Stores the complaint with its ComplaintReceived event in one transaction and gives it a "
                    + "ticket number. The same channel + channelRef returns the existing complaint (200) instead of "
                    + "creating a second one. The priority comes with the reasons that raised it; repeats of the same "
                    + "customer and category within 30 days are linked; suspected malicious or bulk complaints are "
                    + "flagged, never dropped.")
    @APIResponse(responseCode = "201", description = "Taken in; Location names the new complaint",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "Already taken in under this channel + channelRef",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    public Uni<Response> submit(@Valid @NotNull(message = "a JSON body is required") SubmitComplaintRequest body,
            @Context UriInfo uri) {
        caller.requireWritable(body.province());
        return intake.submit(body.toCommand(), actor()).map(s -> s.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(s.complaint().id.toString()).build())
                        .entity(ComplaintView.of(s.complaint())).tag(etag(s.complaint())).build()
                : Response.ok(ComplaintView.of(s.complaint())).tag(etag(s.complaint())).build());
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @GET
    @Path("{id}")
    @Operation(summary = "One complaint with its promises and full history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> complaints.findById(id).flatMap(c -> {
            if (c == null) {
                throw ProblemException.notFound("no complaint " + id);
            }
            caller.requireVisible(c.province, "no complaint " + id);
            return promises.forComplaint(id).flatMap(p -> history.forComplaint(id)
                    .map(h -> Response.ok(ComplaintView.of(c, p, h)).tag(etag(c)).build()));
        }));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @GET
    @Operation(summary = "Search complaints", description = "Filters combine with AND; newest first; pages from 0.")
    public Uni<ComplaintPage> search(
            @Parameter(description = "Province code", example = "GD") @QueryParam("province")
            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter province code such as GD") String province,
            @Parameter(description = "Status, e.g. IN_PROGRESS") @QueryParam("status") String status,
            @Parameter(description = "Channel, e.g. REGULATOR") @QueryParam("channel") String channel,
            @Parameter(description = "Category code") @QueryParam("category")
            @Size(max = 40, message = "must be at most 40 characters") String category,
            @Parameter(description = "Priority: LOW, NORMAL, HIGH or URGENT") @QueryParam("priority") String priority,
            @Parameter(description = "Owner's staff id") @QueryParam("owner")
            @Size(max = 64, message = "must be at most 64 characters") String owner,
            @Parameter(description = "Team id") @QueryParam("team")
            @Size(max = 64, message = "must be at most 64 characters") String team,
            @Parameter(description = "Received at or after (ISO-8601 instant)", example = "2026-11-01T00:00:00Z")
            @QueryParam("receivedFrom") String receivedFrom,
            @Parameter(description = "Received before (ISO-8601 instant)", example = "2026-12-01T00:00:00Z")
            @QueryParam("receivedTo") String receivedTo,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0")
            @Min(value = 0, message = "must be 0 or more") @Max(value = 100000, message = "must be at most 100000")
            int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20")
            @Min(value = 1, message = "must be at least 1") @Max(value = 200, message = "must be at most 200")
            int size) {
        ComplaintFilter filter = new ComplaintFilter(Optional.ofNullable(caller.scopeProvince(province)),
                enumParam("status", status, ComplaintStatus.class), enumParam("channel", channel, Channel.class),
                Optional.ofNullable(category), enumParam("priority", priority, Priority.class),
                Optional.ofNullable(owner), Optional.ofNullable(team), instant("receivedFrom", receivedFrom),
                instant("receivedTo", receivedTo));
        return Panache.withSession(() -> complaints.search(filter, page, size))
                .map(p -> new ComplaintPage(p.items().stream().map(c -> ComplaintView.of(c).inList()).toList(), p.page(), p.size(),
                        p.total()));
    }

    // ---- lifecycle actions ----------------------------------------------------------------------------

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/assign")
    @Operation(summary = "Assign to a named owner", description = "RECEIVED or REOPENED -> ASSIGNED; later a re-assignment.")
    public Uni<Response> assign(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.Assign body) {
        return respond(workflow.assign(id, version(ifMatch), actor(), body.ownerId(), body.ownerName(),
                body.teamId(), body.office()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/start")
    @Operation(summary = "Start working on it (first contact)", description = "-> IN_PROGRESS")
    public Uni<Response> start(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return respond(workflow.startWork(id, version(ifMatch), actor()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/hand-off")
    @Operation(summary = "Hand off to the back office (落单)", description = "-> PENDING_BACK_OFFICE")
    public Uni<Response> handOff(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.HandOff body) {
        return respond(workflow.handOff(id, version(ifMatch), actor(), body.toTeamId(),
                body.toOwnerId(), body.reason()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/hand-back")
    @Operation(summary = "Hand back to the front office", description = "PENDING_BACK_OFFICE -> ASSIGNED")
    public Uni<Response> handBack(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithReason body) {
        return respond(workflow.handBack(id, version(ifMatch), actor(), body.reason()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/wait-for-customer")
    @Operation(summary = "Wait for the customer", description = "-> PENDING_CUSTOMER; SLA clocks pause")
    public Uni<Response> waitForCustomer(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithReason body) {
        return respond(workflow.waitForCustomer(id, version(ifMatch), actor(), body.reason()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume after the customer answered", description = "Back to the status before the wait")
    public Uni<Response> resume(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return respond(workflow.resume(id, version(ifMatch), actor()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/promises")
    @Operation(summary = "Promise a call-back or progress notice", description = "Tracked: escalation watches the due time")
    @APIResponse(responseCode = "201", description = "The promise",
            content = @Content(schema = @Schema(implementation = ComplaintView.PromiseView.class)))
    public Uni<Response> makePromise(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.MakePromise body) {
        return workflow.makePromise(id, version(ifMatch), actor(), body.kind(), body.dueAt())
                .map(p -> Response.status(201).entity(ComplaintView.PromiseView.of(p)).build());
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/promises/{promiseId}/kept")
    @Operation(summary = "Record that a promise was kept")
    public Uni<Response> keepPromise(@PathParam("id") UUID id, @PathParam("promiseId") UUID promiseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return respond(workflow.keepPromise(id, promiseId, version(ifMatch), actor()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/promises/{promiseId}/broken")
    @Operation(summary = "Record that a promise was broken", description = "A quality error and an escalation trigger")
    public Uni<Response> breakPromise(@PathParam("id") UUID id, @PathParam("promiseId") UUID promiseId,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return respond(workflow.breakPromise(id, promiseId, version(ifMatch), actor()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/notes")
    @Operation(summary = "Add an internal note")
    public Uni<Response> addNote(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithText body) {
        return respond(workflow.addNote(id, version(ifMatch), actor(), body.text()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/information")
    @Operation(summary = "Add information about the complaint (问题补充) on the customer's behalf")
    public Uni<Response> addInformation(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithText body) {
        return respond(workflow.addInformation(id, version(ifMatch), actor(), body.text()));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/urges")
    @Operation(summary = "Pass on an urge (催单)",
            description = "Counted and raises the priority; repeated urges within 10 minutes count once.")
    public Uni<Response> urge(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.Urge body) {
        return workflow.urge(id, actor(), body.channel() == null ? "AGENT" : body.channel())
                .map(o -> Response.ok(ComplaintView.of(o.complaint())).tag(etag(o.complaint()))
                        .header("Tousu-Urge-Counted", o.counted()).build());
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/category")
    @Operation(summary = "Correct the category", description = "After resolution this counts as a ticket error in quality")
    public Uni<Response> changeCategory(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.ChangeCategory body) {
        return respond(workflow.changeCategory(id, version(ifMatch), actor(), body.category(),
                body.subcategory()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolve",
            description = "-> RESOLVED, or PENDING_APPROVAL when the compensation is above the resolver's authority.")
    public Uni<Response> resolve(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.Resolve body) {
        return respond(workflow.resolve(id, version(ifMatch), actor(), body.toResolution()));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a resolution's compensation", description = "PENDING_APPROVAL -> RESOLVED; 403 when "
            + "the approver's own limit is below the amount")
    public Uni<Response> approve(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return respond(workflow.approveResolution(id, version(ifMatch), actor()));
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a resolution", description = "PENDING_APPROVAL -> IN_PROGRESS")
    public Uni<Response> reject(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithReason body) {
        return respond(workflow.rejectResolution(id, version(ifMatch), actor(), body.reason()));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.AGENT, Roles.SUPERVISOR})
    @POST
    @Path("{id}/follow-up")
    @Operation(summary = "Record the follow-up visit (回访)",
            description = "Resolved -> FOLLOWED_UP -> CLOSED; not resolved -> REOPENED")
    public Uni<Response> followUp(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.FollowUp body) {
        return respond(workflow.followUp(id, version(ifMatch), actor(), body.satisfied(),
                body.resolved(), body.comment()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/reopen")
    @Operation(summary = "Reopen", description = "RESOLVED, FOLLOWED_UP or CLOSED -> REOPENED")
    public Uni<Response> reopen(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithReason body) {
        return respond(workflow.reopen(id, version(ifMatch), actor(), body.reason()));
    }

    @RolesAllowed({Roles.AGENT, Roles.BACKOFFICE, Roles.SUPERVISOR})
    @POST
    @Path("{id}/close")
    @Operation(summary = "Close", description = "From RESOLVED or FOLLOWED_UP; from RECEIVED by a supervisor only")
    public Uni<Response> close(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") ActionRequests.WithReason body) {
        return respond(workflow.close(id, version(ifMatch), actor(), body.reason()));
    }

    private Actor actor() {
        return Actors.of(caller);
    }

    private static Uni<Response> respond(Uni<Complaint> action) {
        return action.map(c -> Response.ok(ComplaintView.of(c)).tag(etag(c)).build());
    }

    private static EntityTag etag(Complaint c) {
        return new EntityTag(Long.toString(c.version));
    }

    /** The version an If-Match header names ({@code "3"}, {@code W/"3"} or {@code 3}), or null. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the complaint's version, e.g. \"3\"");
        }
    }

    private static <E extends Enum<E>> Optional<E> enumParam(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Optional<Instant> instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
