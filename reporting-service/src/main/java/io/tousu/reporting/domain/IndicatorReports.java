package io.tousu.reporting.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.repository.CustomerBaseRepository;
import io.tousu.reporting.repository.GroupPeriod;
import io.tousu.reporting.repository.IndicatorFilter;
import io.tousu.reporting.repository.IndicatorQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Assembles indicator tables and series from the read models: counts every measure of the
 * requested periods and of the period before the first, divides by the manual calls and customer
 * bases that apply, and compares each period with the one before.
 */
@ApplicationScoped
public class IndicatorReports {

    private final IndicatorQueries queries;
    private final CustomerBaseRepository customerBases;
    private final ZoneId zone;

    public IndicatorReports(IndicatorQueries queries, CustomerBaseRepository customerBases, ReportingConfig config) {
        this.queries = queries;
        this.customerBases = customerBases;
        this.zone = config.zone();
    }

    /** The monthly monitoring table of a province: the month against the month before. */
    public Uni<MonthlyTable> monthly(String province, YearMonth month) {
        LocalDate start = month.atDay(1);
        SeriesQuery query = new SeriesQuery(province, Dimension.PROVINCE, Granularity.MONTH, start, start, Map.of());
        // grouped by province within one province: always exactly one point
        return series(query).map(points -> new MonthlyTable(province, month, month.minusMonths(1), zone,
                points.get(0).indicators()));
    }

    /** Every group's indicators in every period of the query, groups and periods in order. */
    public Uni<List<IndicatorPoint>> series(SeriesQuery query) {
        Granularity g = query.granularity();
        LocalDate from = g.plus(query.first(), -1);
        LocalDate to = g.plus(query.last(), 1);
        IndicatorFilter filter = new IndicatorFilter(query.province(), from.atStartOfDay(zone).toInstant(),
                to.atStartOfDay(zone).toInstant(), query.filters());
        Uni<Map<GroupPeriod, MeasureCounts>> counts = queries.counts(filter, query.groupBy(), g, zone);
        Uni<List<DailyCalls>> calls = query.hasCallVolume() ? queries.calls(query.province(), from, to)
                : Uni.createFrom().item(List.of());
        Uni<Map<YearMonth, Long>> customers = query.hasCustomerBase()
                ? customerBases.customers(query.province(), YearMonth.from(from), YearMonth.from(to.minusDays(1)))
                : Uni.createFrom().item(Map.of());
        return Uni.combine().all().unis(counts, calls, customers).asTuple()
                .map(t -> assemble(query, t.getItem1(), t.getItem2(), t.getItem3()));
    }

    private List<IndicatorPoint> assemble(SeriesQuery query, Map<GroupPeriod, MeasureCounts> counts,
            List<DailyCalls> calls, Map<YearMonth, Long> customers) {
        Granularity g = query.granularity();
        if (query.hasCallVolume()) {
            addCalls(query, counts, calls);
        }
        TreeSet<String> groups = new TreeSet<>(Comparator.nullsLast(Comparator.naturalOrder()));
        counts.keySet().stream().map(GroupPeriod::group).forEach(groups::add);
        if (query.groupBy() == Dimension.PROVINCE) {
            groups.add(query.province());
        }
        List<IndicatorPoint> points = new ArrayList<>();
        for (String group : groups) {
            for (LocalDate p = query.first(); !p.isAfter(query.last()); p = g.plus(p, 1)) {
                String period = g.label(p);
                String previous = g.label(g.plus(p, -1));
                MeasureCounts current = withCustomers(cell(query, counts, group, period), customers, p);
                MeasureCounts before = withCustomers(cell(query, counts, group, previous), customers, g.plus(p, -1));
                points.add(new IndicatorPoint(group, period, previous, IndicatorComparison.all(current, before)));
            }
        }
        return points;
    }

    /** Manual calls of each cell: a city's own reports when grouped or filtered by city, else the province's. */
    private static void addCalls(SeriesQuery query, Map<GroupPeriod, MeasureCounts> counts, List<DailyCalls> calls) {
        Granularity g = query.granularity();
        String cityFilter = query.filters().get(Dimension.CITY);
        if (query.groupBy() == Dimension.CITY) {
            CallVolumes.byCity(calls, g).forEach((city, perPeriod) -> perPeriod.forEach((start, n) ->
                    counts.computeIfAbsent(new GroupPeriod(city, g.label(start)), c -> new MeasureCounts())
                            .add(Measure.MANUAL_CALLS, n)));
            return;
        }
        Map<LocalDate, Long> perPeriod = cityFilter != null
                ? CallVolumes.byCity(calls, g).getOrDefault(cityFilter, Map.of())
                : CallVolumes.province(calls, g);
        // every group of the province (a channel, a category) is measured against the same calls
        List<String> groups = counts.keySet().stream().map(GroupPeriod::group).distinct().toList();
        List<String> targets = query.groupBy() == Dimension.PROVINCE ? List.of(query.province()) : groups;
        for (String group : targets) {
            perPeriod.forEach((start, n) -> counts
                    .computeIfAbsent(new GroupPeriod(group, g.label(start)), c -> new MeasureCounts())
                    .add(Measure.MANUAL_CALLS, n));
        }
    }

    /**
     * The cell with the customer base of the month its period starts in, when one was reported (a
     * day is measured against its month's base). Adds once: a cell is read as a period and as the
     * period before the next one.
     */
    private static MeasureCounts withCustomers(MeasureCounts cell, Map<YearMonth, Long> customers, LocalDate start) {
        Long base = customers.get(YearMonth.from(start));
        return base == null || cell.known(Measure.CUSTOMERS) ? cell : cell.add(Measure.CUSTOMERS, base);
    }

    /** The counts of a cell; where calls apply, a cell without a report has zero calls (figure undefined). */
    private static MeasureCounts cell(SeriesQuery query, Map<GroupPeriod, MeasureCounts> counts, String group,
            String period) {
        MeasureCounts cell = counts.getOrDefault(new GroupPeriod(group, period), new MeasureCounts());
        return query.hasCallVolume() ? cell.add(Measure.MANUAL_CALLS, 0) : cell;
    }
}
