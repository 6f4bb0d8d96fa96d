package io.tousu.escalation.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.PolicyAdmin;
import io.tousu.escalation.repository.PolicyAuditRepository;
import io.tousu.escalation.repository.PolicyRepository;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
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
public class SlaPolicyResource {

    private final PolicyRepository policies;
    private final PolicyAuditRepository audit;
    private final PolicyAdmin admin;

    public SlaPolicyResource(PolicyRepository policies, PolicyAuditRepository audit, PolicyAdmin admin) {
        this.policies = policies;
        this.audit = audit;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "Every SLA policy")
    public Uni<List<PolicyView>> list() {
        return Panache.withSession(policies::all).map(all -> all.stream().map(PolicyView::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One SLA policy")
    @APIResponse(responseCode = "404", description = "No such policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyView> get(@PathParam("id") long id) {
        return Panache.withSession(() -> policies.findById(id)).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("no SLA policy " + id);
            }
            return PolicyView.of(p);
        });
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "The audited changes of a policy, oldest first")
    public Uni<List<PolicyAuditView>> audit(@PathParam("id") long id) {
        return Panache.withSession(() -> audit.forPolicy(id)).map(l -> l.stream().map(PolicyAuditView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an SLA policy", description = "Applies to complaints received from now on.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or the policy is inconsistent (warning not "
            + "before the deadline, empty chain, unknown calendar, ...); the body says why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A policy with the same selector exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") PolicyRequest body,
            @Context UriInfo uri) {
        return admin.create(body.toPolicy()).map(p -> Response.created(uri.getAbsolutePathBuilder()
                .path(String.valueOf(p.id)).build()).entity(PolicyView.of(p)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an SLA policy",
            description = "Applies to clocks armed from now on; with recompute=true also to the open clocks of its "
                    + "open complaints (their targets move by the difference; time used and pauses stay). Audited.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong or the policy is inconsistent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another policy has this selector, or this is the last policy "
            + "without a selector",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id,
            @Parameter(description = "Also recompute the open clocks under this policy") @QueryParam("recompute")
            @DefaultValue("false") boolean recompute,
            @Valid @NotNull(message = "a JSON body is required") PolicyRequest body) {
        return admin.update(id, body.toPolicy(), recompute).map(change -> Response.ok(PolicyView.of(change.policy()))
                .header("Tousu-Recomputed-Clocks", change.recomputedClocks()).build());
    }
}
