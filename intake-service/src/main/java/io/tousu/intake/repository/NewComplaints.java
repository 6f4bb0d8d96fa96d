package io.tousu.intake.repository;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.domain.Complaint;
import io.tousu.intake.domain.HistoryEntry;
import io.tousu.platform.messaging.Outbox;
import io.tousu.platform.persistence.StatementBatcher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The two statements a new complaint needs, each shared by the submissions that arrive together
 * ({@link StatementBatcher}, sized by {@code tousu.intake.batch.*}): the look-up before it is stored
 * (abuse counts, repeats) and the store of the complaint with its history line and its events. On the
 * reactive pool, without a session. A submission alone runs them at once; under load one statement
 * and one commit serve many submissions.
 */
@ApplicationScoped
public class NewComplaints {

    /** How many earlier complaints a repeat links to at most. */
    static final int MAX_REPEAT_LINKS = 5;

    /** What intake looks up before storing a complaint. */
    public record Lookup(String msisdn, String descriptionHash, Instant abuseSince, String category,
            Instant repeatSince) {
    }

    /** What it finds: abuse counts and repeats. */
    public record IntakeLookups(AbuseCounts abuse, List<UUID> repeatIds, boolean repeatAwaitsReopen) {
    }

    /** What the abuse rules look at. */
    public record AbuseCounts(long fromNumber, long otherNumbersSameText) {
    }

    /** A new complaint with its history line and events, stored together or not at all. */
    public record NewRow(Complaint complaint, HistoryEntry history, List<EventEnvelope> events) {
    }

    private final Pool pool;
    private final StatementBatcher<Lookup, IntakeLookups> lookups;
    private final StatementBatcher<NewRow, Boolean> inserts;

    public NewComplaints(Pool pool, IntakeConfig config) {
        this.pool = pool;
        this.lookups = new StatementBatcher<>(this::lookUpAll, config.batch().maxSize(), config.batch().maxInFlight());
        this.inserts = new StatementBatcher<>(this::insertAll, config.batch().maxSize(), config.batch().maxInFlight());
    }

    /**
     * The complaints from this number since {@code abuseSince} and the distinct other numbers that sent
     * a description with this fingerprint since then; the ids of the customer's complaints of the same
     * category since {@code repeatSince}, most recent first, at most {@value #MAX_REPEAT_LINKS}, and
     * whether one of them is resolved or followed up (a repeat reopens it).
     */
    public Uni<IntakeLookups> lookUp(Lookup lookup) {
        return lookups.submit(lookup);
    }

    /**
     * Stores a new complaint with its history line and its events in one transaction: the complaint
     * unless its channel already submitted this message id, and the history line and outbox rows only
     * with it. Answers whether it was stored (false: the channel reference was taken, also by a
     * submission committed meanwhile or one in the same batch).
     */
    public Uni<Boolean> insert(Complaint c, HistoryEntry history, List<EventEnvelope> events) {
        return inserts.submit(new NewRow(c, history, events));
    }

    Uni<List<IntakeLookups>> lookUpAll(List<Lookup> batch) {
        int n = batch.size();
        String[] msisdns = new String[n];
        String[] hashes = new String[n];
        OffsetDateTime[] abuseSince = new OffsetDateTime[n];
        String[] categories = new String[n];
        OffsetDateTime[] repeatSince = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Lookup lookup = batch.get(i);
            msisdns[i] = lookup.msisdn();
            hashes[i] = lookup.descriptionHash();
            abuseSince[i] = utc(lookup.abuseSince());
            categories[i] = lookup.category();
            repeatSince[i] = utc(lookup.repeatSince());
        }
        return pool.preparedQuery(LOOK_UP_ALL)
                .execute(Tuple.of(msisdns, hashes, abuseSince, categories, repeatSince, MAX_REPEAT_LINKS))
                .map(rows -> {
                    List<IntakeLookups> found = new ArrayList<>(n);
                    for (Row row : rows) {
                        found.add(new IntakeLookups(new AbuseCounts(row.getLong(0), row.getLong(1)),
                                List.of(row.getArrayOfUUIDs(2)), row.getBoolean(3)));
                    }
                    return found;
                });
    }

    Uni<List<Boolean>> insertAll(List<NewRow> batch) {
        int n = batch.size();
        Columns complaints = new Columns(25, n);
        Columns history = new Columns(8, n);
        List<UUID> eventComplaints = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewRow row = batch.get(i);
            Complaint c = row.complaint();
            complaints.row(i, c.id, c.ticketNo, c.channel.name(), c.channelRef, c.province, c.city, c.msisdn,
                    c.customerId, c.customerTier, c.category, c.subcategory, c.description, c.descriptionHash,
                    c.attachments, c.contactPreference == null ? null : c.contactPreference.name(), c.contactWindow,
                    c.priority.name(), c.priorityReasons, c.status.name(), c.repeatOf, c.suspectedMalicious,
                    c.maliciousReasons, utc(c.receivedAt), utc(c.updatedAt), c.version);
            HistoryEntry h = row.history();
            history.row(i, c.id, utc(h.at), h.actorId, h.actorRole.name(), h.action,
                    h.fromStatus == null ? null : h.fromStatus.name(), h.toStatus == null ? null : h.toStatus.name(),
                    h.detail);
            for (EventEnvelope event : row.events()) {
                eventComplaints.add(c.id);
                events.add(event);
            }
        }
        Outbox.Rows outbox = Outbox.rows(events);
        List<Object> values = new ArrayList<>(40);
        complaints.addTo(values);
        history.addTo(values);
        values.addAll(Arrays.asList(eventComplaints.toArray(UUID[]::new), outbox.eventIds(), outbox.topics(),
                outbox.keys(), outbox.types(), outbox.envelopes(), utc(Instant.now())));
        return pool.preparedQuery(INSERT_ALL).execute(Tuple.from(values)).map(rows -> {
            Set<UUID> stored = new HashSet<>();
            for (Row row : rows) {
                stored.add(row.getUUID(0));
            }
            List<Boolean> answers = new ArrayList<>(n);
            for (NewRow row : batch) {
                answers.add(stored.contains(row.complaint().id));
            }
            return answers;
        });
    }

    /** Column-wise values of a batch, each column bound as one array of its Java type. */
    private static final class Columns {
        private final Object[][] cells;

        Columns(int columns, int rows) {
            cells = new Object[columns][rows];
        }

        void row(int index, Object... values) {
            for (int column = 0; column < values.length; column++) {
                cells[column][index] = values[column];
            }
        }

        /** Each column as an array of its values' class (String for a column of nulls, all text ones). */
        void addTo(List<Object> values) {
            for (Object[] column : cells) {
                Class<?> type = Arrays.stream(column).filter(v -> v != null).findFirst()
                        .<Class<?>>map(Object::getClass).orElse(String.class);
                Object[] typed = (Object[]) Array.newInstance(type, column.length);
                System.arraycopy(column, 0, typed, 0, column.length);
                values.add(typed);
            }
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /**
     * One row per look-up, in their order. The abuse counts are two scalar sub-selects, one per index
     * ({@code msisdn, received_at} and {@code description_hash, received_at}), not one scan with
     * {@code msisdn = ? or description_hash = ?}: PostgreSQL caches a generic plan of a prepared
     * statement after five runs, and for the {@code or} form planned on a young, small table that plan
     * is a sequential scan, kept until the next ANALYZE (12 ms per look-up at 30,000 rows). Each
     * sub-select on its own is an index scan at any size ({@code IntakeLookupsPlanTest}).
     */
    static final String LOOK_UP_ALL = """
            select (select count(*) from complaints c
                    where c.msisdn = l.msisdn and c.received_at >= l.abuse_since) as from_number,
                (select count(distinct c.msisdn) from complaints c
                 where c.description_hash = l.hash and c.received_at >= l.abuse_since and c.msisdn <> l.msisdn)
                    as same_text,
                r.ids, r.reopen
            from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[]) with ordinality
                as l (msisdn, hash, abuse_since, category, repeat_since, n)
            cross join lateral (
                select coalesce(array_agg(p.id order by p.received_at desc), '{}') as ids,
                    coalesce(bool_or(p.status in ('RESOLVED', 'FOLLOWED_UP')), false) as reopen
                from (select c.id, c.received_at, c.status from complaints c
                      where c.msisdn = l.msisdn and c.category = l.category and c.received_at >= l.repeat_since
                      order by c.received_at desc limit $6) p) r
            order by l.n""";

    /**
     * The complaints unless their channel reference is taken (also by an earlier one of the same
     * batch), and the history lines and outbox rows of those stored, the events in the order given.
     * Answers the ids stored.
     */
    private static final String INSERT_ALL = """
            with c as (
                insert into complaints (id, ticket_no, channel, channel_ref, province, city, msisdn, customer_id,
                    customer_tier, category, subcategory, description, description_hash, attachments,
                    contact_preference, contact_window, priority, priority_reasons, status, repeat_of,
                    suspected_malicious, malicious_reasons, received_at, updated_at, version)
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                    $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[],
                    $21::boolean[], $22::text[], $23::timestamptz[], $24::timestamptz[], $25::bigint[])
                on conflict (channel, channel_ref) do nothing
                returning id),
            h as (
                insert into complaint_history (complaint_id, at, actor_id, actor_role, action, from_status, to_status,
                    detail)
                select h.* from unnest($26::uuid[], $27::timestamptz[], $28::text[], $29::text[], $30::text[],
                    $31::text[], $32::text[], $33::text[])
                    as h (complaint_id, at, actor_id, actor_role, action, from_status, to_status, detail)
                where h.complaint_id in (select id from c)),
            o as (
                insert into outbox_events (event_id, topic, event_key, event_type, envelope, created_at)
                select e.event_id::uuid, e.topic, e.event_key, e.event_type, e.envelope, $40
                from unnest($34::uuid[], $35::text[], $36::text[], $37::text[], $38::text[], $39::text[])
                    with ordinality as e (complaint_id, event_id, topic, event_key, event_type, envelope, n)
                where e.complaint_id in (select id from c)
                order by e.n)
            select id from c""";
}
