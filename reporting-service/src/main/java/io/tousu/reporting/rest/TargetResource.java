package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.domain.Indicator;
import io.tousu.reporting.domain.IndicatorComparison;
import io.tousu.reporting.domain.IndicatorReports;
import io.tousu.reporting.domain.MonthlyTable;
import io.tousu.reporting.domain.Target;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets")
@Tag(name = "Targets", description = "SMART targets of the key indicators, with on-track status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it names another province",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TargetResource {

    private final IndicatorReports reports;
    private final Caller caller;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    public TargetResource(IndicatorReports reports, Caller caller, ReportingConfig config) {
        this.reports = reports;
        this.caller = caller;
        this.zone = config.zone();
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The targets of a province, by deadline, with their status today")
    public Uni<List<TargetView>> list(
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province) {
        String p = QueryParams.province(caller.scopeProvince(province));
        return Panache.withSession(() -> Target.<Target>list("province = ?1 order by deadline, id", p))
                .flatMap(targets -> withStatus(p, targets));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "One target with its status today")
    @APIResponse(responseCode = "404", description = "No such target (or one of another province)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TargetView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> find(id)).flatMap(t -> withStatus(t.province, List.of(t)))
                .map(list -> list.get(0));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Set a target", description = "The status compares the indicator's figure of the current "
            + "month to date with the straight line from the baseline (on its date) to the target value (on the "
            + "deadline).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; the body lists each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") TargetRequest body) {
        caller.requireWritable(body.province());
        Target t = new Target();
        t.id = UUID.randomUUID();
        t.createdAt = Instant.now(clock);
        apply(t, body);
        return Panache.withTransaction(t::persist).flatMap(saved -> withStatus(t.province, List.of(t)))
                .map(list -> Response.status(201).entity(list.get(0)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Change a target (its province stays)")
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; the body lists each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such target (or one of another province)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TargetView> update(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") TargetRequest body) {
        return Panache.withTransaction(() -> find(id).map(t -> {
            caller.requireWritable(t.province);
            if (!t.province.equals(body.province())) {
                throw ProblemException.invalidField("province", "cannot change; create a target in the other province");
            }
            apply(t, body);
            return t;
        })).flatMap(t -> withStatus(t.province, List.of(t))).map(list -> list.get(0));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Delete a target")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such target (or one of another province)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> find(id).flatMap(t -> {
            caller.requireWritable(t.province);
            return t.delete();
        })).map(v -> Response.noContent().build());
    }

    private Uni<Target> find(UUID id) {
        return Target.<Target>findById(id).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("target " + id);
            }
            caller.requireVisible(t.province, "target " + id);
            return t;
        });
    }

    private void apply(Target t, TargetRequest body) {
        Indicator indicator = Arrays.stream(Indicator.values())
                .filter(i -> i.name().equalsIgnoreCase(body.indicator().strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("indicator", "must be one of " + Arrays
                        .stream(Indicator.values()).map(Indicator::name).collect(Collectors.joining(", "))));
        LocalDate baselineDate = body.baselineDate() != null ? body.baselineDate() : LocalDate.now(clock.withZone(zone));
        if (!body.deadline().isAfter(baselineDate)) {
            throw ProblemException.invalidField("deadline", "must be after the baseline date " + baselineDate);
        }
        t.province = body.province();
        t.indicator = indicator;
        t.baseline = body.baseline();
        t.baselineDate = baselineDate;
        t.targetValue = body.targetValue();
        t.deadline = body.deadline();
        t.description = body.description();
    }

    /** The targets with the current month's figures of their province. */
    private Uni<List<TargetView>> withStatus(String province, List<Target> targets) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        YearMonth month = YearMonth.from(today);
        if (targets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return reports.monthly(province, month).map(table -> {
            Map<Indicator, BigDecimal> current = figures(table);
            return targets.stream().map(t -> TargetView.of(t, current.get(t.indicator), month.toString(), today))
                    .toList();
        });
    }

    private static Map<Indicator, BigDecimal> figures(MonthlyTable table) {
        Map<Indicator, BigDecimal> figures = new java.util.EnumMap<>(Indicator.class);
        for (IndicatorComparison row : table.rows()) {
            if (row.current().value() != null) {
                figures.put(row.indicator(), row.current().value());
            }
        }
        return figures;
    }
}
