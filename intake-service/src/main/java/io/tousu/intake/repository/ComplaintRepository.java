package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.Complaint;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/** Complaints, the taxonomy and ticket sequences. */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    private final Pool pool;

    public ComplaintRepository(Pool pool) {
        this.pool = pool;
    }

    /** How many earlier complaints a repeat links to at most. */
    static final int MAX_REPEAT_LINKS = 5;

    /** A page of search results with the total count. */
    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    /** The complaint a channel already submitted under this message id, or null. */
    public Uni<Complaint> findByChannelRef(Channel channel, String channelRef) {
        return find("channel = ?1 and channelRef = ?2", channel, channelRef).firstResult();
    }

    public Uni<Complaint> findByTicketNo(String ticketNo) {
        return find("ticketNo", ticketNo).firstResult();
    }

    /**
     * Takes the next ticket sequence of the province and day in a short transaction of its own, on
     * the reactive pool rather than the Hibernate session: the per-province daily counter row stays
     * locked for one statement, not for the whole intake (a number whose complaint then fails is a
     * gap, which ticket numbers tolerate). The transaction commits without waiting for its WAL flush
     * ({@code synchronous_commit} off, set in the same statement): the complaint that uses the number
     * commits synchronously later, which flushes the counter's WAL too, so a crash can only forget a
     * number no complaint carries. (Native queries through Hibernate cost a plan-cache look-up that
     * profiling showed at about a tenth of intake's CPU under load.)
     */
    public Uni<Integer> nextTicketSequence(String province, LocalDate day) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "insert into ticket_counters (province, day, last_seq) "
                        + "select $1::text, $2::date, 1 from (select set_config('synchronous_commit', 'off', true)) "
                        + "async_commit on conflict (province, day) do update set last_seq = ticket_counters.last_seq + 1 "
                        + "returning last_seq")
                .execute(Tuple.of(province, day)))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Earlier complaints of the same customer and category since {@code since}, most recent first. */
    public Uni<List<Complaint>> findRepeats(String msisdn, String category, Instant since) {
        return find("msisdn = ?1 and category = ?2 and receivedAt >= ?3", Sort.descending("receivedAt"), msisdn,
                category, since).page(0, MAX_REPEAT_LINKS).list();
    }

    /** What the abuse rules look at, counted in one query. */
    public record AbuseCounts(long fromNumber, long otherNumbersSameText) {
    }

    /**
     * Complaints from this number since {@code since}, and the distinct other numbers that sent a
     * description with this fingerprint since then. Read on the reactive pool before the complaint's
     * transaction opens (a session never holds one connection while waiting for another).
     */
    public Uni<AbuseCounts> abuseCounts(String msisdn, String descriptionHash, Instant since) {
        return pool.preparedQuery("select count(*) filter (where msisdn = $1), "
                        + "count(distinct msisdn) filter (where description_hash = $2 and msisdn <> $1) "
                        + "from complaints where (msisdn = $1 or description_hash = $2) and received_at >= $3")
                .execute(Tuple.of(msisdn, descriptionHash, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new AbuseCounts(row.getLong(0), row.getLong(1));
                });
    }

    /** One page of complaints matching the filter, newest first. */
    public Uni<PageOf<Complaint>> search(ComplaintFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter.province().ifPresent(v -> clause(where, params, "province", v));
        filter.status().ifPresent(v -> clause(where, params, "status", v));
        filter.channel().ifPresent(v -> clause(where, params, "channel", v));
        filter.category().ifPresent(v -> clause(where, params, "category", v));
        filter.priority().ifPresent(v -> clause(where, params, "priority", v));
        filter.ownerId().ifPresent(v -> clause(where, params, "ownerId", v));
        filter.teamId().ifPresent(v -> clause(where, params, "teamId", v));
        filter.receivedFrom().ifPresent(v -> {
            where.append(" and receivedAt >= :receivedFrom");
            params.and("receivedFrom", v);
        });
        filter.receivedTo().ifPresent(v -> {
            where.append(" and receivedAt < :receivedTo");
            params.and("receivedTo", v);
        });
        var query = find(where.toString(), Sort.descending("receivedAt").and("id"), params);
        return query.page(Page.of(page, size)).list()
                .flatMap(items -> query.count().map(total -> new PageOf<>(items, page, size, total)));
    }

    /** Adds {@code and field = :field}; the field names are fixed here, only values come from callers. */
    private static void clause(StringBuilder where, Parameters params, String field, Object value) {
        where.append(" and ").append(field).append(" = :").append(field);
        params.and(field, value);
    }
}
