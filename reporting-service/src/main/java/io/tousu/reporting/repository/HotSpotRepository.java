package io.tousu.reporting.repository;

import static io.tousu.reporting.repository.ComplaintFactWriter.execute;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.reporting.domain.HotSpot;
import io.tousu.reporting.domain.HotSpotDimension;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hot-spot episodes, and the window counts they are detected from. */
@ApplicationScoped
public class HotSpotRepository implements PanacheRepositoryBase<HotSpot, UUID> {

    private final Pool pool;

    public HotSpotRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Counts of one key of one province: {@code counts[0]} is the window ending now, {@code counts[d]}
     * the same window {@code d} days earlier.
     *
     * @param province the province
     * @param key      the category or city
     * @param counts   complaints per window, newest first
     */
    public record WindowCounts(String province, String key, long[] counts) {
    }

    /**
     * Complaints received per province and key in the window ending {@code now} and in the same window
     * on each of the {@code days} days before; keys without a complaint in any of these windows are absent.
     */
    public Uni<List<WindowCounts>> windowCounts(HotSpotDimension dimension, Instant now, Duration window, int days) {
        String key = dimension == HotSpotDimension.CATEGORY ? "f.category" : "f.city";
        String sql = "select f.province, " + key + " as k, d.n, count(*) from generate_series(0, $1::int) as d(n) "
                + "join complaint_facts f on f.received_at >= $2::timestamptz - d.n * interval '1 day' "
                + "- $3::bigint * interval '1 second' and f.received_at < $2::timestamptz - d.n * interval '1 day' "
                + "where " + key + " is not null group by 1, 2, 3";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(days, now.atOffset(ZoneOffset.UTC), window.toSeconds()))
                .map(rows -> {
                    Map<List<String>, long[]> byKey = new HashMap<>();
                    for (Row row : rows) {
                        long[] counts = byKey.computeIfAbsent(List.of(row.getString(0), row.getString(1)),
                                k -> new long[days + 1]);
                        counts[row.getInteger(2)] += row.getLong(3);
                    }
                    List<WindowCounts> result = new ArrayList<>();
                    byKey.forEach((k, counts) -> result.add(new WindowCounts(k.get(0), k.get(1), counts)));
                    return result;
                });
    }

    /** The open episodes of a dimension, in every province. */
    public Uni<List<HotSpot>> openEpisodes(HotSpotDimension dimension) {
        return list("dimension = ?1 and endedAt is null", dimension);
    }

    /** Open episodes per province and dimension ({@code [province, dimension] -> count}); absent means none. */
    public Uni<Map<List<String>, Long>> openCounts() {
        return pool.query("select province, dimension, count(*) from hot_spots where ended_at is null group by 1, 2")
                .execute()
                .map(rows -> {
                    Map<List<String>, Long> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(List.of(r.getString(0), r.getString(1)), r.getLong(2)));
                    return counts;
                });
    }

    /**
     * Opens an episode in the current transaction unless one is open already (another replica may
     * have been first); true when this call opened it.
     */
    public Uni<Boolean> openEpisode(HotSpot spot) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into hot_spots (id, province, dimension, "
                + "hot_key, detected_at, window_start, window_end, count, baseline, peak_count, last_count) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?8) "
                + "on conflict (province, dimension, hot_key) where ended_at is null do nothing")
                .setParameter(1, spot.id).setParameter(2, spot.province).setParameter(3, spot.dimension.name())
                .setParameter(4, spot.key).setParameter(5, spot.detectedAt).setParameter(6, spot.windowStart)
                .setParameter(7, spot.windowEnd).setParameter(8, spot.count).setParameter(9, spot.baseline)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Records the latest window of an open episode. */
    public Uni<Void> continueEpisode(String province, HotSpotDimension dimension, String key, long count) {
        return execute("update hot_spots set last_count = ?4, peak_count = greatest(peak_count, ?4) "
                + "where province = ?1 and dimension = ?2 and hot_key = ?3 and ended_at is null",
                province, dimension.name(), key, count);
    }

    /** Ends the open episode of a key. */
    public Uni<Void> endEpisode(String province, HotSpotDimension dimension, String key, long count, Instant at) {
        return execute("update hot_spots set last_count = ?4, ended_at = ?5 "
                + "where province = ?1 and dimension = ?2 and hot_key = ?3 and ended_at is null",
                province, dimension.name(), key, count, at);
    }

    /** Episodes of a province, newest first; only open ones when {@code openOnly}. */
    public Uni<List<HotSpot>> list(String province, boolean openOnly, int limit) {
        return find("province = ?1" + (openOnly ? " and endedAt is null" : "") + " order by detectedAt desc",
                province).page(0, limit).list();
    }

    /** Episodes of a province open at any time in {@code [from, to)}, by detection time. */
    public Uni<List<HotSpot>> activeBetween(String province, Instant from, Instant to) {
        return list("province = ?1 and detectedAt < ?3 and (endedAt is null or endedAt >= ?2) order by detectedAt",
                province, from, to);
    }
}
