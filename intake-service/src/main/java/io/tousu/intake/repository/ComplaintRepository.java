package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.Complaint;
import io.tousu.intake.domain.HistoryEntry;
import io.tousu.platform.messaging.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/** Complaints: look-ups, the store of a new one, search. */
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

    /** What intake looks up before storing a complaint: abuse counts and repeats. */
    public record IntakeLookups(AbuseCounts abuse, List<UUID> repeatIds, boolean repeatAwaitsReopen) {
    }

    /** What the abuse rules look at. */
    public record AbuseCounts(long fromNumber, long otherNumbersSameText) {
    }

    /**
     * One statement on the reactive pool, before the complaint is stored (a session never holds one
     * connection while waiting for another): the complaints from this number since {@code abuseSince}
     * and the distinct other numbers that sent a description with this fingerprint since then; the ids
     * of the customer's complaints of the same category since {@code repeatSince}, most recent first, at
     * most {@value #MAX_REPEAT_LINKS}, and whether one of them is resolved or followed up (a repeat
     * reopens it).
     */
    public Uni<IntakeLookups> intakeLookups(String msisdn, String descriptionHash, Instant abuseSince, String category,
            Instant repeatSince) {
        return pool.preparedQuery(INTAKE_LOOKUPS)
                .execute(Tuple.of(msisdn, descriptionHash, utc(abuseSince), category, utc(repeatSince),
                        MAX_REPEAT_LINKS))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new IntakeLookups(new AbuseCounts(row.getLong(0), row.getLong(1)),
                            List.of(row.getArrayOfUUIDs(2)), row.getBoolean(3));
                });
    }

    /**
     * The abuse counts as two scalar sub-selects, one per index ({@code msisdn, received_at} and
     * {@code description_hash, received_at}), not one scan with {@code msisdn = $1 or description_hash = $2}:
     * PostgreSQL caches a generic plan of a prepared statement after five runs, and for the {@code or}
     * form planned on a young, small table that plan is a sequential scan, kept until the next ANALYZE
     * (12 ms per look-up at 30,000 rows). Each sub-select on its own is an index scan at any size.
     */
    static final String INTAKE_LOOKUPS = """
            with repeats as (
                select coalesce(array_agg(id order by received_at desc), '{}') as ids,
                    coalesce(bool_or(status in ('RESOLVED', 'FOLLOWED_UP')), false) as reopen
                from (select id, received_at, status from complaints
                      where msisdn = $1 and category = $4 and received_at >= $5
                      order by received_at desc limit $6) r)
            select (select count(*) from complaints where msisdn = $1 and received_at >= $3) as from_number,
                (select count(distinct msisdn) from complaints
                 where description_hash = $2 and received_at >= $3 and msisdn <> $1) as same_text,
                repeats.ids, repeats.reopen
            from repeats""";

    /**
     * Stores a new complaint with its history line and its events in one statement (so in one
     * transaction, without a session): the complaint unless its channel already submitted this
     * message id, and the history line and outbox rows only with it. Answers whether it was stored
     * (false: the channel reference was taken, also by a submission committed meanwhile).
     */
    public Uni<Boolean> insertNew(Complaint c, HistoryEntry history, List<EventEnvelope> events) {
        Outbox.Rows rows = Outbox.rows(events);
        List<Object> values = Arrays.asList(c.id, c.ticketNo, c.channel.name(), c.channelRef, c.province, c.city,
                c.msisdn, c.customerId, c.customerTier, c.category, c.subcategory, c.description, c.descriptionHash,
                c.attachments, c.contactPreference == null ? null : c.contactPreference.name(), c.contactWindow,
                c.priority.name(), c.priorityReasons, c.status.name(), c.repeatOf, c.suspectedMalicious,
                c.maliciousReasons, utc(c.receivedAt), utc(c.updatedAt), c.version,
                utc(history.at), history.actorId, history.actorRole.name(), history.action,
                history.fromStatus == null ? null : history.fromStatus.name(),
                history.toStatus == null ? null : history.toStatus.name(), history.detail,
                rows.eventIds(), rows.topics(), rows.keys(), rows.types(), rows.envelopes(), utc(Instant.now()));
        return pool.preparedQuery(INSERT_NEW).execute(Tuple.from(values))
                .map(result -> result.iterator().next().getLong(0) == 1);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static final String INSERT_NEW = """
            with c as (
                insert into complaints (id, ticket_no, channel, channel_ref, province, city, msisdn, customer_id,
                    customer_tier, category, subcategory, description, description_hash, attachments,
                    contact_preference, contact_window, priority, priority_reasons, status, repeat_of,
                    suspected_malicious, malicious_reasons, received_at, updated_at, version)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                    $21, $22, $23, $24, $25)
                on conflict (channel, channel_ref) do nothing
                returning id),
            h as (
                insert into complaint_history (complaint_id, at, actor_id, actor_role, action, from_status, to_status,
                    detail)
                select id, $26, $27, $28, $29, $30, $31, $32 from c),
            o as (
                insert into outbox_events (event_id, topic, event_key, event_type, envelope, created_at)
                select e.event_id::uuid, e.topic, e.event_key, e.event_type, e.envelope, $38
                from c, unnest($33::text[], $34::text[], $35::text[], $36::text[], $37::text[]) with ordinality
                    as e (event_id, topic, event_key, event_type, envelope, n)
                order by e.n)
            select count(*) from c""";

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
