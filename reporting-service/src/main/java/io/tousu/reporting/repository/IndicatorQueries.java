package io.tousu.reporting.repository;

import io.smallrye.mutiny.Uni;
import io.tousu.reporting.domain.DailyCalls;
import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Granularity;
import io.tousu.reporting.domain.Measure;
import io.tousu.reporting.domain.MeasureCounts;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Counts of the measures from the read models, grouped by a dimension and by period in the
 * province's zone. One query per source table, each counting all of its measures at once with
 * {@code count(*) filter (where ...)}. SQL text is assembled only from the constants of
 * {@link FactSource}; every value is a bound parameter.
 *
 * <p>Grouped by province without filters (the monthly table, a province's series), the measures of
 * the complaint facts' own event times are summed from the hourly counts of {@code fact_hour_counts}
 * instead of counted from the facts, when the zone's offset is whole hours over the range (so hours
 * add up to its days exactly): the same figures at a cost that does not grow with the complaints.
 */
@ApplicationScoped
public class IndicatorQueries {

    private final Pool pool;

    public IndicatorQueries(Pool pool) {
        this.pool = pool;
    }

    /** The measures (manual calls aside) of every group and period in the filter's range. */
    public Uni<Map<GroupPeriod, MeasureCounts>> counts(IndicatorFilter filter, Dimension groupBy,
            Granularity granularity, ZoneId zone) {
        List<Uni<Map<GroupPeriod, MeasureCounts>>> perSource = Arrays.stream(FactSource.values())
                .map(source -> counts(source, filter, groupBy, granularity, zone))
                .toList();
        return Uni.join().all(perSource).andFailFast().map(maps -> {
            Map<GroupPeriod, MeasureCounts> merged = new HashMap<>();
            for (Map<GroupPeriod, MeasureCounts> map : maps) {
                map.forEach((cell, counts) -> {
                    MeasureCounts into = merged.computeIfAbsent(cell, c -> new MeasureCounts());
                    Arrays.stream(Measure.values()).filter(Measure::hasComplaints)
                            .forEach(m -> into.add(m, counts.get(m)));
                });
            }
            return merged;
        });
    }

    private Uni<Map<GroupPeriod, MeasureCounts>> counts(FactSource source, IndicatorFilter filter, Dimension groupBy,
            Granularity granularity, ZoneId zone) {
        List<Measure> measures = source.measures();
        Tuple params = Tuple.of(filter.province(), zone.getId(), filter.from().atOffset(ZoneOffset.UTC),
                filter.to().atOffset(ZoneOffset.UTC));
        String sql = usesHourCounts(source, filter, groupBy, zone)
                ? "select province as grp, to_char(hour at time zone $2, '" + IndicatorFilter.periodPattern(granularity)
                        + "') as period, "
                        + measures.stream().map(m -> "sum(" + FactSource.hourCountColumn(m) + ")::bigint")
                                .collect(Collectors.joining(", "))
                        + " from fact_hour_counts where province = $1 and hour >= $3 and hour < $4 group by 1, 2"
                : "select " + source.column(groupBy) + " as grp, to_char(" + source.time + " at time zone $2, '"
                        + IndicatorFilter.periodPattern(granularity) + "') as period, "
                        + measures.stream().map(m -> "count(*) filter (where " + FactSource.condition(m) + ")")
                                .collect(Collectors.joining(", "))
                        + " from " + source.from + where(source, filter, params) + " group by 1, 2";
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Map<GroupPeriod, MeasureCounts> result = new HashMap<>();
            for (Row row : rows) {
                MeasureCounts counts = new MeasureCounts();
                for (int i = 0; i < measures.size(); i++) {
                    counts.add(measures.get(i), row.getLong(2 + i));
                }
                result.put(new GroupPeriod(row.getString(0), row.getString(1)), counts);
            }
            return result;
        });
    }

    /** Whether the hourly counts give exactly what counting the facts would (see the class comment). */
    static boolean usesHourCounts(FactSource source, IndicatorFilter filter, Dimension groupBy, ZoneId zone) {
        return source.hasHourCounts() && groupBy == Dimension.PROVINCE && filter.filters().isEmpty()
                && wholeHours(zone, filter.from()) && wholeHours(zone, filter.to())
                && zone.getRules().getTransitions().stream().noneMatch(t -> !t.getInstant().isBefore(filter.from())
                        && t.getInstant().isBefore(filter.to()) && t.getOffsetAfter().getTotalSeconds() % 3600 != 0);
    }

    private static boolean wholeHours(ZoneId zone, java.time.Instant at) {
        return zone.getRules().getOffset(at).getTotalSeconds() % 3600 == 0;
    }

    /**
     * The complaints behind one measure in the filter's range, by id, at most {@code limit}; with
     * how many there are in all.
     */
    public Uni<ComplaintIds> complaintIds(Measure measure, IndicatorFilter filter, int limit) {
        FactSource source = FactSource.of(measure);
        Tuple params = Tuple.of(filter.province(), filter.from().atOffset(ZoneOffset.UTC),
                filter.to().atOffset(ZoneOffset.UTC), limit);
        String sql = "select cid, count(*) over () from (select distinct " + source.complaintId + " as cid from "
                + source.from + whereWithoutZone(source, filter, params) + " and " + FactSource.condition(measure)
                + ") d order by cid limit $4";
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                ids.add(row.getUUID(0));
                total = row.getLong(1);
            }
            return new ComplaintIds(total, ids);
        });
    }

    /** The provinces that have complaint facts. */
    public Uni<List<String>> provinces() {
        return pool.query("select province from complaint_facts group by province order by province").execute()
                .map(rows -> {
                    List<String> provinces = new ArrayList<>();
                    rows.forEach(r -> provinces.add(r.getString(0)));
                    return provinces;
                });
    }

    /** The stored call reports of a province for the days {@code from} (inclusive) to {@code to} (exclusive). */
    public Uni<List<DailyCalls>> calls(String province, LocalDate from, LocalDate to) {
        return pool.preparedQuery("select day, city, manual_calls from call_volumes where province = $1 "
                + "and day >= $2 and day < $3")
                .execute(Tuple.of(province, from, to))
                .map(rows -> {
                    List<DailyCalls> calls = new ArrayList<>();
                    rows.forEach(r -> calls.add(new DailyCalls(r.getLocalDate(0), r.getString(1), r.getLong(2))));
                    return calls;
                });
    }

    /** Province, range ($3, $4 after the zone in $2) and filters from $5 on. */
    private static String where(FactSource source, IndicatorFilter filter, Tuple params) {
        return " where " + source.province + " = $1 and " + source.time + " >= $3 and " + source.time + " < $4"
                + filters(source, filter, params);
    }

    /** Province, range ($2, $3) and filters after the limit in $4, from $5 on. */
    private static String whereWithoutZone(FactSource source, IndicatorFilter filter, Tuple params) {
        return " where " + source.province + " = $1 and " + source.time + " >= $2 and " + source.time + " < $3"
                + filters(source, filter, params);
    }

    private static String filters(FactSource source, IndicatorFilter filter, Tuple params) {
        StringBuilder sql = new StringBuilder();
        filter.filters().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            params.addValue(e.getValue());
            sql.append(" and ").append(source.column(e.getKey())).append(" = $").append(params.size());
        });
        return sql.toString();
    }

    /**
     * Complaint ids behind a figure.
     *
     * @param total how many distinct complaints there are in all
     * @param ids   the first of them in id order
     */
    public record ComplaintIds(long total, List<UUID> ids) {
    }
}
