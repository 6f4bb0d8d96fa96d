package io.tousu.reporting.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.repository.GroupPeriod;
import io.tousu.reporting.repository.IndicatorFilter;
import io.tousu.reporting.repository.IndicatorQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Agent and team rankings of a province over a time range, from the indicator read models. */
@ApplicationScoped
public class RankingReports {

    private final IndicatorQueries queries;
    private final ZoneId zone;

    public RankingReports(IndicatorQueries queries, ReportingConfig config) {
        this.queries = queries;
        this.zone = config.zone();
    }

    /** The ranking of the agents or teams of a province over {@code [from, to)}, best first. */
    public Uni<List<RankingEntry>> rank(String province, Dimension by, Instant from, Instant to) {
        if (by != Dimension.AGENT && by != Dimension.TEAM) {
            throw new IllegalArgumentException("rankings are of agents or teams, not " + by);
        }
        return queries.counts(new IndicatorFilter(province, from, to, Map.of()), by, Granularity.MONTH, zone)
                .map(counts -> Rankings.rank(perMember(counts)));
    }

    /** The counts of each member summed over every period of the range. */
    static Map<String, MeasureCounts> perMember(Map<GroupPeriod, MeasureCounts> counts) {
        Map<String, MeasureCounts> perMember = new HashMap<>();
        counts.forEach((cell, c) -> {
            if (cell.group() != null) {
                MeasureCounts into = perMember.computeIfAbsent(cell.group(), g -> new MeasureCounts());
                Arrays.stream(Measure.values()).filter(Measure::hasComplaints).forEach(m -> into.add(m, c.get(m)));
            }
        });
        return perMember;
    }
}
