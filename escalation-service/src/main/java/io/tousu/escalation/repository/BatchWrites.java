package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.ClockHistoryEntry;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Appends many history lines, or many outbox events, in one statement each (rows in list order),
 * inside the caller's transaction: a firing batch writes two statements instead of several per
 * clock. The outbox rows are those the platform's {@code Outbox.append} writes one by one, so the
 * relay publishes them as usual, in id order.
 */
@ApplicationScoped
public class BatchWrites {

    private static final String HISTORY = """
            insert into clock_history (complaint_id, clock, action, level, at, detail)
            select * from unnest(cast(cast(?1 as text[]) as uuid[]), cast(?2 as text[]), cast(?3 as text[]),
                                 cast(cast(?4 as text[]) as int[]), cast(cast(?5 as text[]) as timestamptz[]),
                                 cast(?6 as text[]))""";
    private static final String OUTBOX = """
            insert into outbox_events (event_id, topic, event_key, event_type, envelope, created_at)
            select e.*, cast(cast(?6 as text) as timestamptz)
            from unnest(cast(cast(?1 as text[]) as uuid[]), cast(?2 as text[]), cast(?3 as text[]),
                        cast(?4 as text[]), cast(?5 as text[])) as e""";

    // every parameter goes in as text (text[]) and is cast in SQL: the reactive client types a
    // parameter by what the statement expects and would not coerce strings to uuid[] or timestamptz[]

    public Uni<Void> history(List<ClockHistoryEntry> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = lines.size();
        String[] complaints = new String[n];
        String[] clocks = new String[n];
        String[] actions = new String[n];
        String[] levels = new String[n];
        String[] at = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            ClockHistoryEntry h = lines.get(i);
            complaints[i] = h.complaintId.toString();
            clocks[i] = h.clock;
            actions[i] = h.action;
            levels[i] = String.valueOf(h.level);
            at[i] = h.at.toString();
            details[i] = h.detail;
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(HISTORY)
                .setParameter(1, complaints).setParameter(2, clocks).setParameter(3, actions)
                .setParameter(4, levels).setParameter(5, at).setParameter(6, details)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> outbox(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] envelopes = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope e = events.get(i);
            ids[i] = e.eventId().toString();
            topics[i] = e.topic();
            keys[i] = e.complaintId() != null ? e.complaintId() : e.province();
            types[i] = e.type();
            envelopes[i] = EventCodec.write(e);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(OUTBOX)
                .setParameter(1, ids).setParameter(2, topics).setParameter(3, keys).setParameter(4, types)
                .setParameter(5, envelopes).setParameter(6, Instant.now().toString())
                .executeUpdate()).replaceWithVoid();
    }
}
