package io.tousu.quality.rest;

import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.quality.domain.Audit;
import io.tousu.quality.domain.AuditItem;
import io.tousu.quality.domain.Audits;
import io.tousu.quality.domain.Minefield;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audits")
@Tag(name = "Audits", description = "Risk audits (稽查): sampled tickets checked against a rule set")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    /** What to audit. */
    @Schema(description = "An audit to run")
    public record AuditRequest(
            @Schema(description = "Province code; by default the token's (a national token must give one)",
                    example = "GD") String province,
            @Schema(description = "Tickets finished (resolved or closed) in this month, yyyy-MM", example = "2026-11",
                    required = true)
            @NotNull(message = "is required") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be yyyy-MM")
            String month,
            @Schema(description = "Rules of the set, by code; with no minefields either, every rule")
            List<@NotNull(message = "must not be null") String> ruleCodes,
            @Schema(description = "Minefields of the set: their rules count too")
            List<@NotNull(message = "must not be null") String> minefields,
            @Schema(description = "Tickets to sample (fewer when the month has fewer)", example = "100", required = true)
            @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 5000")
            @Max(value = 5000, message = "must be 1 to 5000") Integer sampleSize,
            @Schema(description = "Seed of the draw: the same seed gives the same tickets; by default a new one")
            Long seed) {
    }

    /** One audited ticket. */
    @Schema(description = "An audited ticket: HIT when it hit a rule of the set, else CLEAN")
    public record ItemView(UUID complaintId, String ticketNo, String agentId, String teamId, String outcome,
            List<String> ruleCodes) {

        static ItemView of(AuditItem i) {
            return new ItemView(i.complaintId, i.ticketNo, i.agentId, i.teamId, i.outcome,
                    i.ruleCodes.isEmpty() ? List.of() : Arrays.asList(i.ruleCodes.split(",")));
        }
    }

    /** An audit. */
    @Schema(description = "An audit and its tickets")
    public record AuditView(UUID id, String province, String month, List<String> ruleCodes, List<String> minefields,
            int sampleSize, long seed, int audited, int hits,
            @Schema(description = "Risk anomaly rate (风险异常率) = hits / audited; null when nothing was audited")
            Double anomalyRate, String createdBy, Instant createdAt,
            @Schema(description = "The audited tickets, hits first (empty in the list of audits)") List<ItemView> items) {

        static AuditView of(Audits.Detail d) {
            Audit a = d.audit();
            return new AuditView(a.id, a.province, a.month, split(a.ruleCodes), split(a.minefields), a.sampleSize,
                    a.seed, a.audited, a.hits, d.anomalyRate(), a.createdBy, a.createdAt,
                    d.items().stream().map(ItemView::of).toList());
        }

        private static List<String> split(String s) {
            return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
        }
    }

    private final Audits audits;
    private final Caller caller;

    public AuditResource(Audits audits, Caller caller) {
        this.audits = audits;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run an audit", description = "Samples the month's finished tickets of the province (the "
            + "first sampleSize by a hash of seed and complaint id, so the same seed gives the same tickets) and "
            + "records each as HIT or CLEAN against the rule set.")
    @APIResponse(responseCode = "201", description = "Done; Location names it",
            content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or a rule code unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> run(@Valid @NotNull(message = "a JSON body is required") AuditRequest body,
            @Context UriInfo uri) {
        String province = caller.scopeProvince(body.province());
        if (province == null) {
            throw ProblemException.invalidField("province", "is required for a national token");
        }
        List<Minefield> fields = body.minefields() == null ? List.of() : body.minefields().stream()
                .map(m -> Params.oneOf("minefields", m, Minefield.class)).toList();
        long seed = body.seed() != null ? body.seed() : new java.security.SecureRandom().nextLong();
        return audits.run(new Audits.Request(province, body.month(),
                body.ruleCodes() == null ? List.of() : body.ruleCodes(), fields, body.sampleSize(), seed, caller.id()))
                .map(d -> Response.created(uri.getAbsolutePathBuilder().path(d.audit().id.toString()).build())
                        .entity(AuditView.of(d)).build());
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "Audits, newest first, without their tickets",
            description = "Of the token's province (a national token: all, or the one asked for).")
    @APIResponse(responseCode = "400", description = "A paging parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<AuditView>> list(
            @Parameter(description = "Province code, e.g. GD; a token limited to a province may only ask for its own (and gets it when it asks for none)") @QueryParam("province") String province,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be 1 to 200")
            @Max(value = 200, message = "must be 1 to 200") int size) {
        String scope = caller.scopeProvince(province);
        return audits.page(scope, Page.of(page, size)).map(s -> new PageView<>(s.items().stream()
                .map(a -> AuditView.of(new Audits.Detail(a, List.of()))).toList(), page, size, s.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.NATIONAL})
    @Operation(summary = "An audit with its tickets (hits first) and its risk anomaly rate")
    @APIResponse(responseCode = "404", description = "No such audit (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditView> get(@PathParam("id") UUID id) {
        return audits.get(id, caller::canSee).map(AuditView::of);
    }
}
