package io.tousu.escalation.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.CalendarDefinition;
import io.tousu.escalation.repository.CalendarRepository;
import io.tousu.escalation.repository.PolicyRepository;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/calendars")
@Tag(name = "Calendars", description = "Business calendars of BUSINESS_HOURS policies: working hours, holidays, "
        + "make-up working days")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the calendar counts "
        + "deadlines of other provinces than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarResource {

    private final CalendarRepository calendars;
    private final PolicyRepository policies;
    private final Clock clock;
    private final Caller caller;

    public CalendarResource(CalendarRepository calendars, PolicyRepository policies, Clock clock, Caller caller) {
        this.calendars = calendars;
        this.policies = policies;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Every business calendar")
    public Uni<List<CalendarView>> list() {
        return Panache.withSession(() -> calendars.list("order by code"))
                .map(all -> all.stream().map(CalendarView::of).toList());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "One business calendar")
    @APIResponse(responseCode = "404", description = "No such calendar",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CalendarView> get(@PathParam("code") String code) {
        return Panache.withSession(() -> calendars.findById(code)).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("no calendar " + code);
            }
            return CalendarView.of(c);
        });
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or replace a business calendar",
            description = "Deadlines computed from now on use it; clocks already running keep their due times. "
                    + "Calendars are shared: an administrator limited to a province may add a calendar, or replace one "
                    + "that only its province's SLA policies use; one used by another province's policies or by a "
                    + "policy for every province (such as CN) needs a national administrator.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or inconsistent; the body says why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(
            @PathParam("code") @Pattern(regexp = "[A-Z0-9_-]{1,32}", message = "must be 1 to 32 of A-Z, 0-9, '_', '-'")
            String code,
            @Valid @NotNull(message = "a JSON body is required") CalendarRequest body) {
        CalendarDefinition wanted = body.toDefinition(code);
        wanted.updatedAt = clock.instant();
        caller.scopeProvince(null); // 403 for a token with neither a province nor the national role
        return Panache.withTransaction(() -> policies.usingCalendar(code).flatMap(users -> {
            if (!caller.isNational() && users.stream().anyMatch(p -> p.province == null
                    || !p.province.equals(caller.province()))) {
                throw new ProblemException(403, "https://tousu.io/problems/other-province", "Another province",
                        "calendar " + code + " counts deadlines of SLA policies beyond province " + caller.province()
                                + "; only a national administrator may change it", List.of());
            }
            return calendars.findById(code);
        }).flatMap(existing -> {
            if (existing == null) {
                return calendars.persist(wanted).map(c -> Response.status(201).entity(CalendarView.of(c)).build());
            }
            existing.name = wanted.name;
            existing.zone = wanted.zone;
            existing.workStart = wanted.workStart;
            existing.workEnd = wanted.workEnd;
            existing.workingDays = wanted.workingDays;
            existing.holidays = wanted.holidays;
            existing.makeUpWorkdays = wanted.makeUpWorkdays;
            existing.updatedAt = wanted.updatedAt;
            return Uni.createFrom().item(Response.ok(CalendarView.of(existing)).build());
        }));
    }
}
