package io.tousu.reporting.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Manual call volumes per period. A call centre may report a whole province, its cities, or both:
 * the province's calls of a day are its province-wide report when there is one (it is the
 * centre's own total), otherwise the sum of that day's city reports, so nothing is counted twice.
 */
public final class CallVolumes {

    private CallVolumes() {
    }

    /** The province's calls per period start. */
    public static Map<LocalDate, Long> province(List<DailyCalls> reports, Granularity granularity) {
        Map<LocalDate, List<DailyCalls>> byDay = reports.stream().collect(Collectors.groupingBy(DailyCalls::day));
        Map<LocalDate, Long> perPeriod = new TreeMap<>();
        byDay.forEach((day, dayReports) -> {
            long calls = dayReports.stream().filter(DailyCalls::provinceWide).mapToLong(DailyCalls::manualCalls)
                    .findFirst()
                    .orElseGet(() -> dayReports.stream().mapToLong(DailyCalls::manualCalls).sum());
            perPeriod.merge(granularity.periodOf(day), calls, Long::sum);
        });
        return perPeriod;
    }

    /** Each city's calls per period start (province-wide reports left out). */
    public static Map<String, Map<LocalDate, Long>> byCity(List<DailyCalls> reports, Granularity granularity) {
        Map<String, Map<LocalDate, Long>> perCity = new TreeMap<>();
        reports.stream().filter(r -> !r.provinceWide()).forEach(r -> perCity
                .computeIfAbsent(r.city(), c -> new TreeMap<>())
                .merge(granularity.periodOf(r.day()), r.manualCalls(), Long::sum));
        return perCity;
    }
}
