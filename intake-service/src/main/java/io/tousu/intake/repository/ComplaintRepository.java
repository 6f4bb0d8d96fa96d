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

    /** What intake looks up before a complaint's transaction: its ticket sequence, abuse counts and repeats. */
    public record IntakeLookups(int ticketSequence, AbuseCounts abuse, List<UUID> repeatIds) {
    }

    /** What the abuse rules look at. */
    public record AbuseCounts(long fromNumber, long otherNumbersSameText) {
    }

    /**
     * One statement on the reactive pool, before the complaint's transaction opens (a session never
     * holds one connection while waiting for another): the next ticket sequence of the province and
     * day (committed at once, without waiting for the WAL flush: a number lost in a crash leaves a gap,
     * which ticket numbers tolerate, and a failed submission leaves one too); the complaints from this
     * number since {@code abuseSince} and the distinct other numbers that sent a description with this
     * fingerprint since then; and the ids of the customer's complaints of the same category since
     * {@code repeatSince}, most recent first, at most {@value #MAX_REPEAT_LINKS}.
     */
    public Uni<IntakeLookups> intakeLookups(String province, LocalDate day, String msisdn, String descriptionHash,
            Instant abuseSince, String category, Instant repeatSince) {
        return pool.preparedQuery("with seq as (insert into ticket_counters (province, day, last_seq) "
                        + "select $1::text, $2::date, 1 from (select set_config('synchronous_commit', 'off', true)) "
                        + "async_commit on conflict (province, day) do update set last_seq = ticket_counters.last_seq + 1 "
                        + "returning last_seq), "
                        + "abuse as (select count(*) filter (where msisdn = $3) as from_number, "
                        + "count(distinct msisdn) filter (where description_hash = $4 and msisdn <> $3) as same_text "
                        + "from complaints where (msisdn = $3 or description_hash = $4) and received_at >= $5), "
                        + "repeats as (select coalesce(array_agg(id order by received_at desc), '{}') as ids from "
                        + "(select id, received_at from complaints where msisdn = $3 and category = $6 "
                        + "and received_at >= $7 order by received_at desc limit $8) r) "
                        + "select seq.last_seq, abuse.from_number, abuse.same_text, repeats.ids from seq, abuse, repeats")
                .execute(Tuple.from(List.of(province, day, msisdn, descriptionHash, abuseSince.atOffset(ZoneOffset.UTC),
                        category, repeatSince.atOffset(ZoneOffset.UTC), MAX_REPEAT_LINKS)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new IntakeLookups(row.getInteger(0), new AbuseCounts(row.getLong(1), row.getLong(2)),
                            List.of(row.getArrayOfUUIDs(3)));
                });
    }

    /** The complaints with these ids, in the order of the ids (none and no query for none). */
    public Uni<List<Complaint>> byIdsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids).map(found -> found.stream()
                .sorted(java.util.Comparator.comparingInt(c -> ids.indexOf(c.id))).toList());
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
