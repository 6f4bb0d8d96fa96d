package io.tousu.quality.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.quality.domain.Minefield;
import io.tousu.quality.domain.RiskRule;
import io.tousu.quality.domain.RiskRuleVersion;
import io.tousu.quality.domain.RiskRules;
import io.tousu.quality.domain.RuleBook;
import io.tousu.quality.domain.Severity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/risk-rules")
@Tag(name = "Risk rules", description = "The risk-rule library (风险地雷库): declarative rules in four minefields")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RiskRuleResource {

    static final String CONDITION_DOC = "A JSON condition. A node is one of {\"all\":[...]}, {\"any\":[...]}, "
            + "{\"not\":node}, {\"field\":F,\"op\":OP,\"value\":V} with F a payload field of the rule's events or "
            + "complaint.<fact> (province, channel, category, subcategory, repeat, agentId, ownerId, teamId, "
            + "escalationLevel, reopenCount, handOffs, brokenPromises, slaBreaches, resolved, compensation, "
            + "substantiated, responsibility) and OP one of eq ne in gt gte lt lte contains regex exists, or "
            + "{\"history\":NAME,...}: BACK_OFFICE_HAND_OFF_UNANSWERED {within}, COMPENSATION_ABOVE_AUTHORITY "
            + "{limit}, FIRST_CONTACT_LATE {within}, EARLIER_EVENT {events, where}.";

    /** A rule as an administrator writes it. */
    @Schema(description = "A risk rule")
    public record RuleRequest(
            @Schema(description = "Stable code: 3 to 60 of A-Z, 0-9, _ (cannot change)",
                    example = "IS_FULL_PHONE_IN_NOTE", required = true) String code,
            @Schema(required = true, example = "A full phone number in an internal note") String name,
            @Schema(description = "OPERATIONAL_VIOLATION, INFORMATION_SECURITY, SERVICE_RED_LINE or PROCESS_ERROR",
                    required = true) String minefield,
            @Schema(description = "LOW, MEDIUM, HIGH or CRITICAL", required = true) String severity,
            String description,
            @Schema(description = "Event types the rule checks, e.g. [\"NoteAdded\"]", required = true)
            List<String> eventTypes,
            @Schema(description = CONDITION_DOC, required = true, implementation = Object.class) JsonNode condition) {

        RuleBook.Definition toDefinition() {
            return new RuleBook.Definition(code, name, minefield, severity, description,
                    eventTypes == null ? null : new ArrayList<>(eventTypes), condition);
        }
    }

    /** A stored rule. */
    @Schema(description = "A risk rule of the library")
    public record RuleView(UUID id, String code,
            @Schema(description = "1 when created, raised by every change") int version, String name,
            Minefield minefield, Severity severity, String description, List<String> eventTypes,
            @Schema(implementation = Object.class) JsonNode condition, boolean enabled, Instant createdAt,
            Instant updatedAt, String updatedBy) {

        static RuleView of(RiskRule r) {
            return new RuleView(r.id, r.code, r.version, r.name, r.minefield, r.severity, r.description,
                    r.eventTypeList(), r.conditionTree(), r.enabled, r.createdAt, r.updatedAt, r.updatedBy);
        }
    }

    /** A version of a rule. */
    @Schema(description = "A version of a risk rule as it was written")
    public record VersionView(UUID ruleId, int version, String code, String name, Minefield minefield,
            Severity severity, String description, List<String> eventTypes,
            @Schema(implementation = Object.class) JsonNode condition, Instant changedAt, String changedBy) {

        static VersionView of(RiskRuleVersion v) {
            return new VersionView(v.ruleId, v.version, v.code, v.name, v.minefield, v.severity, v.description,
                    java.util.Arrays.asList(v.eventTypes.split(",")), RiskRule.tree(v.code, v.condition), v.changedAt,
                    v.changedBy);
        }
    }

    private final RiskRules rules;
    private final Caller caller;

    public RiskRuleResource(RiskRules rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The rules, by code", description = "All rules, or only those of a minefield or of an "
            + "enabled state.")
    @APIResponse(responseCode = "400", description = "A filter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<RuleView>> list(
            @Parameter(description = "Only this minefield") @QueryParam("minefield") String minefield,
            @Parameter(description = "Only enabled (true) or disabled (false) rules") @QueryParam("enabled")
            String enabled) {
        Minefield field = Params.oneOf("minefield", minefield, Minefield.class);
        Boolean on = Params.bool("enabled", enabled);
        return Panache.withSession(() -> RiskRule.<RiskRule>list("order by code")).map(all -> all.stream()
                .filter(r -> field == null || r.minefield == field)
                .filter(r -> on == null || r.enabled == on)
                .map(RuleView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "One rule")
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RuleView> get(@PathParam("id") UUID id) {
        return rules.get(id).map(RuleView::of);
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Every version of a rule, oldest first",
            description = "What the rule said at the version a hit records.")
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<VersionView>> versions(@PathParam("id") UUID id) {
        return rules.versions(id).map(all -> all.stream().map(VersionView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rule", description = "Checked before it is stored: an unknown event type, field, "
            + "operator, history predicate or minefield, a value of the wrong kind or a bad regular expression is "
            + "a 400 naming the member (e.g. condition.all[1].op) and why. Applies to the events consumed from now.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "The rule is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") RuleRequest body,
            @Context UriInfo uri) {
        caller.scopeProvince(null); // 403 for a token with neither a province nor the national role
        return rules.create(body.toDefinition(), caller.id()).map(r -> Response.created(uri.getAbsolutePathBuilder()
                .path(r.id.toString()).build()).entity(RuleView.of(r)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a rule", description = "A new version (hits found before keep the version they "
            + "were found with); the code cannot change. Checked like a new rule.")
    @APIResponse(responseCode = "400", description = "The rule is invalid, or the code differs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RuleView> update(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") RuleRequest body) {
        caller.scopeProvince(null);
        return rules.update(id, body.toDefinition(), caller.id()).map(RuleView::of);
    }

    @POST
    @Path("{id}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Disable a rule", description = "No longer checked; its hits stay. Harmless when repeated.")
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RuleView> disable(@PathParam("id") UUID id) {
        caller.scopeProvince(null);
        return rules.enable(id, false, caller.id()).map(RuleView::of);
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enable a disabled rule again")
    @APIResponse(responseCode = "404", description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RuleView> enable(@PathParam("id") UUID id) {
        caller.scopeProvince(null);
        return rules.enable(id, true, caller.id()).map(RuleView::of);
    }
}
