package io.tousu.reporting.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.repository.CustomerBaseRepository;
import io.tousu.reporting.repository.GroupPeriod;
import io.tousu.reporting.repository.HotSpotRepository;
import io.tousu.reporting.repository.IndicatorFilter;
import io.tousu.reporting.repository.IndicatorQueries;
import io.tousu.reporting.repository.WeeklyQueries;
import io.tousu.reporting.repository.WeeklyQueries.OverdueEscalated;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Assembles the weekly management report (报告机制) of a province from the read models. */
@ApplicationScoped
public class WeeklyReports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final IndicatorQueries queries;
    private final WeeklyQueries weekly;
    private final HotSpotRepository hotSpots;
    private final RankingReports rankings;
    private final CustomerBaseRepository customerBases;
    private final ZoneId zone;

    public WeeklyReports(IndicatorQueries queries, WeeklyQueries weekly, HotSpotRepository hotSpots,
            RankingReports rankings, CustomerBaseRepository customerBases, ReportingConfig config) {
        this.queries = queries;
        this.customerBases = customerBases;
        this.weekly = weekly;
        this.hotSpots = hotSpots;
        this.rankings = rankings;
        this.zone = config.zone();
    }

    /** The name of the ISO week starting on Monday {@code monday}, e.g. {@code 2026-W41}. */
    public static String weekLabel(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The report of the ISO week starting on Monday {@code monday}. */
    public Uni<WeeklyReport> weekly(String province, LocalDate monday) {
        LocalDate previous = monday.minusWeeks(1);
        LocalDate next = monday.plusWeeks(1);
        Instant from = instant(previous);
        Instant start = instant(monday);
        Instant end = instant(next);
        IndicatorFilter twoWeeks = new IndicatorFilter(province, from, end, Map.of());
        Uni<Map<GroupPeriod, MeasureCounts>> daily = queries.counts(twoWeeks, Dimension.PROVINCE, Granularity.DAY, zone);
        Uni<Map<GroupPeriod, MeasureCounts>> categories = queries.counts(twoWeeks, Dimension.CATEGORY,
                Granularity.DAY, zone);
        Uni<List<DailyCalls>> calls = queries.calls(province, previous, next);
        Uni<OverdueEscalated> thisWeek = weekly.overdueAndEscalated(province, start, end);
        Uni<OverdueEscalated> lastWeek = weekly.overdueAndEscalated(province, from, start);
        Uni<List<HotSpot>> spots = Panache.withSession(() -> hotSpots.activeBetween(province, start, end));
        Uni<List<RankingEntry>> teams = rankings.rank(province, Dimension.TEAM, start, end);
        Uni<Map<YearMonth, Long>> customers = customerBases.customers(province, YearMonth.from(previous),
                YearMonth.from(monday));
        return Uni.combine().all().unis(daily, categories, calls, thisWeek, lastWeek, spots, teams, customers)
                .with(results -> {
                    @SuppressWarnings("unchecked")
                    Map<GroupPeriod, MeasureCounts> d = (Map<GroupPeriod, MeasureCounts>) results.get(0);
                    @SuppressWarnings("unchecked")
                    Map<GroupPeriod, MeasureCounts> c = (Map<GroupPeriod, MeasureCounts>) results.get(1);
                    @SuppressWarnings("unchecked")
                    List<DailyCalls> k = (List<DailyCalls>) results.get(2);
                    @SuppressWarnings("unchecked")
                    List<HotSpot> h = (List<HotSpot>) results.get(5);
                    @SuppressWarnings("unchecked")
                    List<RankingEntry> t = (List<RankingEntry>) results.get(6);
                    @SuppressWarnings("unchecked")
                    Map<YearMonth, Long> b = (Map<YearMonth, Long>) results.get(7);
                    return assemble(province, monday, d, c, k, (OverdueEscalated) results.get(3),
                            (OverdueEscalated) results.get(4), h, t, b);
                });
    }

    private WeeklyReport assemble(String province, LocalDate monday, Map<GroupPeriod, MeasureCounts> daily,
            Map<GroupPeriod, MeasureCounts> categories, List<DailyCalls> calls, OverdueEscalated thisWeek,
            OverdueEscalated lastWeek, List<HotSpot> spots, List<RankingEntry> teams, Map<YearMonth, Long> customers) {
        MeasureCounts current = new MeasureCounts();
        MeasureCounts previous = new MeasureCounts();
        daily.forEach((cell, counts) -> addAll(inWeek(cell.period(), monday) ? current : previous, counts));
        current.add(Measure.MANUAL_CALLS, 0);
        previous.add(Measure.MANUAL_CALLS, 0);
        CallVolumes.province(calls, Granularity.DAY).forEach((day, n) ->
                (day.isBefore(monday) ? previous : current).add(Measure.MANUAL_CALLS, n));
        // a week is measured against the customer base of the month its Monday is in
        Long base = customers.get(YearMonth.from(monday));
        Long baseBefore = customers.get(YearMonth.from(monday.minusWeeks(1)));
        if (base != null) {
            current.add(Measure.CUSTOMERS, base);
        }
        if (baseBefore != null) {
            previous.add(Measure.CUSTOMERS, baseBefore);
        }
        List<WeeklyReport.Count> volumes = new ArrayList<>();
        volumes.add(count(Measure.COMPLAINTS, "投诉量", "Complaints received", current, previous));
        volumes.add(count(Measure.RESOLVED, "办结量", "Complaints resolved", current, previous));
        volumes.add(count(Measure.SUBSTANTIATED, "有理投诉量", "Substantiated complaints", current, previous));
        volumes.add(count(Measure.STAFF_SUBSTANTIATED, "人员投诉成立量", "Substantiated staff complaints", current,
                previous));
        volumes.add(count(Measure.TICKET_ERRORS, "工单差错", "Ticket errors", current, previous));
        volumes.add(count(Measure.REGULATOR, "越级申诉", "Regulator-channel complaints", current, previous));
        volumes.add(new WeeklyReport.Count("OVERDUE", "超时工单", "Overdue (resolution deadline passed)",
                thisWeek.overdue(), lastWeek.overdue()));
        volumes.add(new WeeklyReport.Count("ESCALATED", "升级工单", "Escalated complaints", thisWeek.escalated(),
                lastWeek.escalated()));
        return new WeeklyReport(province, weekLabel(monday), weekLabel(monday.minusWeeks(1)), monday,
                monday.plusDays(6), zone, volumes, IndicatorComparison.all(current, previous),
                topCategories(categories, monday), spots, Rankings.best(teams, WeeklyReport.TEAMS),
                Rankings.worst(teams, WeeklyReport.TEAMS));
    }

    private static List<WeeklyReport.CategoryLine> topCategories(Map<GroupPeriod, MeasureCounts> categories,
            LocalDate monday) {
        Map<String, long[]> perCategory = new HashMap<>();
        categories.forEach((cell, counts) -> {
            if (cell.group() != null) {
                long[] weeks = perCategory.computeIfAbsent(cell.group(), g -> new long[2]);
                weeks[inWeek(cell.period(), monday) ? 0 : 1] += counts.get(Measure.COMPLAINTS);
            }
        });
        return perCategory.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0)
                .map(e -> new WeeklyReport.CategoryLine(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(WeeklyReport.CategoryLine::current).reversed()
                        .thenComparing(WeeklyReport.CategoryLine::category))
                .limit(WeeklyReport.TOP_CATEGORIES)
                .toList();
    }

    private static WeeklyReport.Count count(Measure measure, String zh, String en, MeasureCounts current,
            MeasureCounts previous) {
        return new WeeklyReport.Count(measure.name(), zh, en, current.get(measure), previous.get(measure));
    }

    private static boolean inWeek(String day, LocalDate monday) {
        return !LocalDate.parse(day, DAY).isBefore(monday);
    }

    private static void addAll(MeasureCounts into, MeasureCounts counts) {
        Arrays.stream(Measure.values()).filter(Measure::hasComplaints).forEach(m -> into.add(m, counts.get(m)));
    }

    private Instant instant(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
