package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.platform.persistence.NativeSelects;
import io.tousu.quality.domain.HistoryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Complaints' event histories. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEvent, Long> {

    private static final String LOCK_ALL = """
            select pg_advisory_xact_lock(s.k)
            from (select k from unnest(cast(cast(?1 as text[]) as bigint[])) as k order by k) as s""";

    private static final String APPEND_ALL = """
            insert into complaint_events (event_id, complaint_id, event_type, occurred_at, envelope)
            select * from unnest(cast(cast(?1 as text[]) as uuid[]), cast(cast(?2 as text[]) as uuid[]),
                                 cast(?3 as text[]), cast(cast(?4 as text[]) as timestamptz[]), cast(?5 as text[]))""";

    private static final String EVENTS_OF_ALL = """
            select * from complaint_events where complaint_id in (?1) order by complaint_id, occurred_at, seq""";

    /**
     * Serialises the work on these complaints until the transaction ends: the complaint and escalation
     * consumers may see events of the same complaint at the same time. The locks are taken in one
     * statement, in key order, so two batches never wait for each other in a cycle.
     */
    public Uni<Void> lockAll(Collection<UUID> complaintIds) {
        String[] keys = complaintIds.stream().map(id -> Long.toString(lockKey(id))).distinct().toArray(String[]::new);
        // run as a statement, not a query: a native select without a result class gets a new entry in
        // Hibernate's query-plan cache on every execution, all in one hash bin, and the look-up through
        // that bin was quality's largest single cost (JFR: SelectInterpretationsKey.equals)
        return Panache.getSession().flatMap(s -> s.createNativeQuery(LOCK_ALL).setParameter(1, keys).executeUpdate())
                .replaceWithVoid();
    }

    static long lockKey(UUID complaintId) {
        return complaintId.getMostSignificantBits() ^ complaintId.getLeastSignificantBits();
    }

    /**
     * Adds events to their complaints' histories in one statement, in list order (so events of one
     * complaint with the same time keep that order). Parameters go in as text arrays, cast in SQL.
     */
    public Uni<Void> appendAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] complaints = new String[n];
        String[] types = new String[n];
        String[] at = new String[n];
        String[] envelopes = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope e = events.get(i);
            ids[i] = e.eventId().toString();
            complaints[i] = UUID.fromString(e.complaintId()).toString();
            types[i] = e.type();
            at[i] = e.occurredAt().toString();
            envelopes[i] = EventCodec.write(e);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(APPEND_ALL).setParameter(1, ids)
                .setParameter(2, complaints).setParameter(3, types).setParameter(4, at).setParameter(5, envelopes)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * The histories of these complaints, each in time order (ties in arrival order); none for an
     * unknown one. The ids go in as a list parameter ({@code in (?1)}), not an array: see
     * {@link NativeSelects} for why a native select needs one.
     */
    public Uni<Map<UUID, List<EventEnvelope>>> eventsOfAll(Collection<UUID> complaintIds) {
        return NativeSelects.list(HistoryEvent.class, EVENTS_OF_ALL, List.copyOf(complaintIds)).map(rows -> {
            Map<UUID, List<EventEnvelope>> byComplaint = new HashMap<>();
            for (HistoryEvent row : rows) {
                byComplaint.computeIfAbsent(row.complaintId, id -> new ArrayList<>()).add(EventCodec.read(row.envelope));
            }
            return byComplaint;
        });
    }

    /** The complaint's events in time order (ties in arrival order). */
    public Uni<List<EventEnvelope>> events(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt, seq", complaintId)
                .map(rows -> rows.stream().map(r -> EventCodec.read(r.envelope)).toList());
    }
}
