package io.tousu.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import io.tousu.reporting.domain.WeeklyReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Management reports (报告机制)")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WeeklyReportResource {

    private static final String WEEK_PATTERN = "\\d{4}-W\\d{2}";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final WeeklyReports reports;
    private final Caller caller;

    public WeeklyReportResource(WeeklyReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("weekly")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The weekly management report of a province (报告机制)",
            description = "An ISO week (Monday to Sunday in the province's zone) against the week before: volumes "
                    + "(received, resolved, substantiated, staff substantiated, ticket errors, regulator channel, "
                    + "overdue, escalated), every indicator of the monthly table, the top five categories, the hot "
                    + "spots open in the week and the best and worst teams (ranked as GET /api/v1/rankings). JSON by "
                    + "default; a self-contained HTML page with Accept: text/html or format=html.")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WeeklyReportView.class)),
                    @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong; the body names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> weekly(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "The ISO week, YYYY-Www", required = true, example = "2026-W41")
            @QueryParam("week") String week,
            @Parameter(description = "json or html; overrides the Accept header", example = "html")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        String p = QueryParams.province(caller.scopeProvince(province));
        LocalDate monday = monday(week);
        boolean html = html(format, headers);
        return reports.weekly(p, monday).map(WeeklyReportView::of).map(view -> html
                ? Response.ok(WeeklyReportHtml.render(view), HTML).build()
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }

    static LocalDate monday(String week) {
        if (week == null || week.isBlank()) {
            throw ProblemException.invalidField("week", "is required, as YYYY-Www, e.g. 2026-W41");
        }
        String w = week.strip();
        try {
            if (w.matches(WEEK_PATTERN)) {
                return LocalDate.parse(w + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem
        }
        throw ProblemException.invalidField("week", "must be an ISO week as YYYY-Www, e.g. 2026-W41");
    }

    private static boolean html(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> false;
                case "html" -> true;
                default -> throw ProblemException.invalidField("format", "must be json or html");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (MediaType candidate : List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)) {
                if (accepted.isCompatible(candidate)) {
                    return candidate.equals(MediaType.TEXT_HTML_TYPE);
                }
            }
        }
        return false;
    }
}
