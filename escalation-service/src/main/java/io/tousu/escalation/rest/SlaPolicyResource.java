package io.tousu.escalation.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.PolicyAdmin;
import io.tousu.escalation.repository.PolicyAuditRepository;
import io.tousu.escalation.repository.PolicyRepository;
import io.tousu.platform.rest.Problem;
import io.tousu.escalation.domain.SlaPolicy;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla-policies")
@Tag(name = "SLA policies", description = "Targets, warnings and escalation chains by province, channel, category "
        + "and priority")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the policy is for another "
        + "province (or for every province) than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SlaPolicyResource {

    private final PolicyRepository policies;
    private final PolicyAuditRepository audit;
    private final PolicyAdmin admin;
    private final Caller caller;

    public SlaPolicyResource(PolicyRepository policies, PolicyAuditRepository audit, PolicyAdmin admin,
            Caller caller) {
        this.caller = caller;
        this.policies = policies;
        this.audit = audit;
        this.admin = admin;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Every SLA policy that applies to the caller's province",
            description = "Policies of the token's province and those for every province; national callers see all.")
    public Uni<List<PolicyView>> list() {
        return Panache.withSession(policies::all)
                .map(all -> all.stream().filter(this::visible).map(PolicyView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "One SLA policy")
    @APIResponse(responseCode = "404", description = "No such policy (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyView> get(@PathParam("id") long id) {
        return Panache.withSession(() -> policies.findById(id)).map(p -> PolicyView.of(visibleOr404(p, id)));
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The audited changes of a policy, oldest first")
    @APIResponse(responseCode = "404", description = "No such policy (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<PolicyAuditView>> audit(@PathParam("id") long id) {
        return Panache.withSession(() -> policies.findById(id).flatMap(p -> {
            visibleOr404(p, id);
            return audit.forPolicy(id);
        })).map(l -> l.stream().map(PolicyAuditView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an SLA policy", description = "Applies to complaints received from now on. An "
            + "administrator limited to a province adds policies for that province only; a policy for every province "
            + "(no `province`) needs a national administrator.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or the policy is inconsistent (warning not "
            + "before the deadline, empty chain, unknown calendar, ...); the body says why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A policy with the same selector exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") PolicyRequest body,
            @Context UriInfo uri) {
        caller.requireWritable(body.province());
        return admin.create(body.toPolicy()).map(p -> Response.created(uri.getAbsolutePathBuilder()
                .path(String.valueOf(p.id)).build()).entity(PolicyView.of(p)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an SLA policy",
            description = "Applies to clocks armed from now on; with recompute=true also to the open clocks of its "
                    + "open complaints (their targets move by the difference; time used and pauses stay). Audited. Like adding: "
                    + "a provincial administrator changes only its province's policies, and cannot move one elsewhere.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or the policy is inconsistent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such policy (or another province's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another policy has this selector, or this is the last policy "
            + "without a selector",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id,
            @Parameter(description = "Also recompute the open clocks under this policy") @QueryParam("recompute")
            @DefaultValue("false") boolean recompute,
            @Valid @NotNull(message = "a JSON body is required") PolicyRequest body) {
        caller.requireWritable(body.province());
        return admin.update(id, body.toPolicy(), recompute, existing -> {
            visibleOr404(existing, id);
            caller.requireWritable(existing.province);
        }).map(change -> Response.ok(PolicyView.of(change.policy()))
                .header("Tousu-Recomputed-Clocks", change.recomputedClocks()).build());
    }

    /** A policy for every province applies to (and is readable by) every province; others only to their own. */
    private boolean visible(SlaPolicy p) {
        return p.province == null || caller.canSee(p.province);
    }

    private SlaPolicy visibleOr404(SlaPolicy p, long id) {
        if (p == null || !visible(p)) {
            throw ProblemException.notFound("no SLA policy " + id);
        }
        return p;
    }
}
