package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.reporting.repository.CustomerBaseRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customer-bases")
@Tag(name = "Customer bases", description = "Customers per province and month, the denominator of regulator "
        + "complaints per 10k customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the province is not the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A field or parameter is missing or wrong; the body names each one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CustomerBaseResource {

    /** The longest range a listing covers, in months. */
    static final int MAX_MONTHS = 120;

    private final CustomerBaseRepository bases;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    public CustomerBaseResource(CustomerBaseRepository bases, Caller caller) {
        this.bases = bases;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Report a province's customer base of a month",
            description = "The operator's count of customers (subscribers) of the province in the month. The monthly "
                    + "table divides the month's regulator-channel complaints by it (regulator complaints per 10k "
                    + "customers); without a report that figure is undefined. A later report of the same province "
                    + "and month replaces the earlier one.")
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = CustomerBaseView.class)))
    public Uni<CustomerBaseView> report(@Valid @NotNull(message = "a JSON body is required") CustomerBaseRequest body) {
        caller.requireWritable(body.province());
        Instant now = clock.instant();
        YearMonth month = body.yearMonth();
        return Panache.withTransaction(() -> bases.report(body.province(), month, body.customers(), now))
                .map(stored -> new CustomerBaseView(body.province(), month.toString(), body.customers(), now));
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The customer bases reported for a province",
            description = "Every month from 'from' to 'to' (both inclusive, at most " + MAX_MONTHS + " months) that "
                    + "has a report, in month order.")
    public Uni<List<CustomerBaseView>> list(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "First month, YYYY-MM", required = true, example = "2026-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM; defaults to 'from'", example = "2026-12")
            @QueryParam("to") String to) {
        String p = QueryParams.province(caller.scopeProvince(province));
        YearMonth first = QueryParams.month("from", from);
        YearMonth last = to == null || to.isBlank() ? first : QueryParams.month("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before 'from' (" + first + ")");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalidField("to", "must be at most " + MAX_MONTHS + " months after 'from'");
        }
        return bases.list(p, first, last).map(list -> list.stream().map(CustomerBaseView::of).toList());
    }
}
