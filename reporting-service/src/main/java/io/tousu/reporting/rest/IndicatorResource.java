package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import io.tousu.platform.security.Caller;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.domain.CategoryCount;
import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Granularity;
import io.tousu.reporting.domain.IndicatorReports;
import io.tousu.reporting.domain.Measure;
import io.tousu.reporting.domain.SeriesQuery;
import io.tousu.reporting.repository.ComplaintFactRepository;
import io.tousu.reporting.repository.IndicatorFilter;
import io.tousu.reporting.repository.IndicatorQueries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "Key complaint indicators from the read models")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this, or it asks for another province than the token's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IndicatorResource {

    /** Most periods one series request may cover (a year of days). */
    static final int MAX_PERIODS = 366;

    private final ComplaintFactRepository facts;
    private final IndicatorReports reports;
    private final IndicatorQueries queries;
    private final ZoneId zone;
    private final Caller caller;

    public IndicatorResource(ComplaintFactRepository facts, IndicatorReports reports, IndicatorQueries queries,
            ReportingConfig config, Caller caller) {
        this.caller = caller;
        this.facts = facts;
        this.reports = reports;
        this.queries = queries;
        this.zone = config.zone();
    }

    @GET
    @Path("counts")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Complaints received per province and category",
            description = "Counted from tousu.complaints; each event counts once even when redelivered. A token "
                    + "limited to a province counts its own; national callers every province unless they name one.")
    public Uni<List<CategoryCount>> counts(
            @Parameter(description = "Province code; absent: the token's own, or all provinces for national "
                    + "callers", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province) {
        String scope = caller.scopeProvince(province);
        return Panache.withSession(() -> facts.countByProvinceAndCategory(scope));
    }

    @GET
    @Path("monthly")
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Produces({MediaType.APPLICATION_JSON, MonthlyTableExport.CSV, MonthlyTableExport.XLSX})
    @Operation(summary = "The monthly key-indicator monitoring table (关键投诉指标监控表)",
            description = "The six key indicators (ticket accuracy rate, valid complaints per 10k calls, substantiated "
                    + "staff complaints, first-contact resolution rate, on-time resolution rate, follow-up "
                    + "satisfaction), then complaint volume, repeat rate, regulator escalation rate and risk anomaly "
                    + "rate, each beside the previous month with the difference and the change (环比). Months are "
                    + "calendar months in the province's zone. JSON by default; CSV with Accept: text/csv or "
                    + "format=csv; an Excel workbook with Accept: " + MonthlyTableExport.XLSX + " or format=xlsx.")
    @APIResponse(responseCode = "200", description = "The table",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MonthlyTableView.class)),
                    @Content(mediaType = MonthlyTableExport.CSV), @Content(mediaType = MonthlyTableExport.XLSX)})
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong; the body names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> monthly(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "The month, YYYY-MM", required = true, example = "2026-09")
            @QueryParam("month") String month,
            @Parameter(description = "json, csv or xlsx; overrides the Accept header", example = "csv")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        String p = QueryParams.province(caller.scopeProvince(province));
        YearMonth ym = QueryParams.month("month", month);
        String type = mediaType(format, headers);
        return reports.monthly(p, ym).map(table -> switch (type) {
            case MonthlyTableExport.CSV -> file(MonthlyTableExport.csv(table), type + ";charset=UTF-8", table.province(),
                    ym, "csv");
            case MonthlyTableExport.XLSX -> file(MonthlyTableExport.xlsx(table), type, table.province(), ym, "xlsx");
            default -> Response.ok(MonthlyTableView.of(table), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "Indicators grouped by a dimension, per day or month",
            description = "Every indicator for each value of groupBy (province, city, channel, category, team, agent) "
                    + "in each period from 'from' to 'to', each beside the period before. Valid complaints per 10k "
                    + "calls divides by the city's own calls when grouped or filtered by city, by the province's "
                    + "calls for channels and categories, and is undefined for teams and agents. Drill down to the "
                    + "complaints of a figure with GET /api/v1/indicators/complaints.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong; the body names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IndicatorSeriesView> series(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "province, city, channel, category, team or agent", example = "city")
            @QueryParam("groupBy") @DefaultValue("province") String groupBy,
            @Parameter(description = "day or month", example = "month")
            @QueryParam("granularity") @DefaultValue("month") String granularity,
            @Parameter(description = "First period: YYYY-MM for months, YYYY-MM-DD for days", required = true,
                    example = "2026-09") @QueryParam("from") String from,
            @Parameter(description = "Last period (inclusive); defaults to 'from'", example = "2026-09")
            @QueryParam("to") String to,
            @Parameter(description = "Only this city") @QueryParam("city") String city,
            @Parameter(description = "Only this channel, e.g. HOTLINE") @QueryParam("channel") String channel,
            @Parameter(description = "Only this category, e.g. BILLING_DISPUTE") @QueryParam("category") String category,
            @Parameter(description = "Only this team") @QueryParam("team") String team,
            @Parameter(description = "Only this agent") @QueryParam("agent") String agent) {
        String p = QueryParams.province(caller.scopeProvince(province));
        Dimension dimension = QueryParams.dimension("groupBy", groupBy);
        Granularity g = QueryParams.granularity(granularity);
        LocalDate first = QueryParams.period("from", from, g);
        LocalDate last = to == null ? first : QueryParams.period("to", to, g);
        long periods = (g == Granularity.DAY ? ChronoUnit.DAYS : ChronoUnit.MONTHS).between(first, last) + 1;
        if (periods < 1 || periods > MAX_PERIODS) {
            throw ProblemException.invalidField("to", "must not be before 'from' and at most " + MAX_PERIODS
                    + " periods after it");
        }
        Map<Dimension, String> filters = QueryParams.filters(city, channel, category, team, agent);
        return reports.series(new SeriesQuery(p, dimension, g, first, last, filters))
                .map(points -> new IndicatorSeriesView(p, dimension, g, filters,
                        points.stream().map(IndicatorPointView::of).toList()));
    }

    @GET
    @Path("complaints")
    @RolesAllowed({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN, Roles.NATIONAL})
    @Operation(summary = "The complaints behind a figure (drill-down)",
            description = "The ids of the complaints counted in one measure (see 'measures' of an indicator) in one "
                    + "day or month, with the same filters as the figure. For ticket errors, risk hits and audits: "
                    + "the complaints they were recorded on.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong; the body names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ComplaintIdsView> complaints(
            @Parameter(description = "Province code; a token limited to a province gets its own (and may ask for no other)", example = "GD")
            @QueryParam("province") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                    message = QueryParams.PROVINCE_MESSAGE) String province,
            @Parameter(description = "The measure, e.g. SUBSTANTIATED", required = true, example = "SUBSTANTIATED")
            @QueryParam("measure") String measure,
            @Parameter(description = "day or month", example = "month")
            @QueryParam("granularity") @DefaultValue("month") String granularity,
            @Parameter(description = "The period: YYYY-MM for a month, YYYY-MM-DD for a day", required = true,
                    example = "2026-09") @QueryParam("period") String period,
            @Parameter(description = "Only this city") @QueryParam("city") String city,
            @Parameter(description = "Only this channel") @QueryParam("channel") String channel,
            @Parameter(description = "Only this category") @QueryParam("category") String category,
            @Parameter(description = "Only this team") @QueryParam("team") String team,
            @Parameter(description = "Only this agent") @QueryParam("agent") String agent,
            @Parameter(description = "Most ids returned") @QueryParam("limit") @DefaultValue("1000")
            @Min(value = 1, message = "must be at least 1") @Max(value = 10_000, message = "must be at most 10000")
            int limit) {
        String p = QueryParams.province(caller.scopeProvince(province));
        Measure m = QueryParams.measure(measure);
        Granularity g = QueryParams.granularity(granularity);
        LocalDate start = QueryParams.period("period", period, g);
        Map<Dimension, String> filters = QueryParams.filters(city, channel, category, team, agent);
        IndicatorFilter filter = new IndicatorFilter(p, start.atStartOfDay(zone).toInstant(),
                g.plus(start, 1).atStartOfDay(zone).toInstant(), filters);
        return queries.complaintIds(m, filter, limit).map(ids -> new ComplaintIdsView(m, p, g.label(start), filters,
                ids.total(), ids.total() > ids.ids().size(), ids.ids()));
    }

    private static Response file(Object body, String type, String province, YearMonth month, String extension) {
        return Response.ok(body, type).header("Content-Disposition",
                "attachment; filename=\"indicators-" + province + "-" + month + "." + extension + "\"").build();
    }

    /** format=json|csv|xlsx wins; otherwise the first acceptable of JSON, CSV and XLSX in the client's order. */
    private static String mediaType(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "csv" -> MonthlyTableExport.CSV;
                case "xlsx" -> MonthlyTableExport.XLSX;
                default -> throw ProblemException.invalidField("format", "must be json, csv or xlsx");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (String candidate : List.of(MediaType.APPLICATION_JSON, MonthlyTableExport.CSV, MonthlyTableExport.XLSX)) {
                if (accepted.isCompatible(MediaType.valueOf(candidate))) {
                    return candidate;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
