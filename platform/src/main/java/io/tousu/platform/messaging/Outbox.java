package io.tousu.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Writes events to the outbox. Call it inside the transaction that makes the state change
 * ({@code Panache.withTransaction}), so the change and its event commit or fail together.
 */
@ApplicationScoped
public class Outbox {

    /** Adds the event to the current transaction; the relay publishes it after commit. */
    public Uni<Void> append(EventEnvelope envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = envelope.topic();
        row.eventKey = keyOf(envelope);
        row.eventType = envelope.type();
        row.envelope = EventCodec.write(envelope);
        row.createdAt = Instant.now();
        return row.persist().replaceWithVoid();
    }

    /**
     * Adds many events to the current transaction in one statement, in list order (so the relay
     * publishes them in that order): for a batch that would otherwise write one row per event.
     */
    public Uni<Void> appendAll(List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Rows rows = rows(envelopes);
        // every parameter goes in as text (text[]) and is cast in SQL: the reactive client types a
        // parameter by what the statement expects and would not coerce strings to uuid[] or timestamptz
        return Panache.getSession().flatMap(s -> s.createNativeQuery(APPEND_ALL)
                .setParameter(1, rows.eventIds()).setParameter(2, rows.topics()).setParameter(3, rows.keys())
                .setParameter(4, rows.types()).setParameter(5, rows.envelopes())
                .setParameter(6, Instant.now().toString())
                .executeUpdate()).replaceWithVoid();
    }

    /** Outbox rows as parallel columns (event ids as text), for a statement that inserts them with unnest. */
    public record Rows(String[] eventIds, String[] topics, String[] keys, String[] types, String[] envelopes) {
    }

    /**
     * The outbox rows of these events, in list order: for a service that writes its change and its
     * events in one statement of its own (it must insert them into {@code outbox_events} in this order).
     */
    public static Rows rows(List<EventEnvelope> envelopes) {
        int n = envelopes.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope e = envelopes.get(i);
            ids[i] = e.eventId().toString();
            topics[i] = e.topic();
            keys[i] = keyOf(e);
            types[i] = e.type();
            bodies[i] = EventCodec.write(e);
        }
        return new Rows(ids, topics, keys, types, bodies);
    }

    /** The Kafka key: the complaint, so one complaint's events stay in order; else the province. */
    static String keyOf(EventEnvelope envelope) {
        return envelope.complaintId() != null ? envelope.complaintId() : envelope.province();
    }

    private static final String APPEND_ALL = """
            insert into outbox_events (event_id, topic, event_key, event_type, envelope, created_at)
            select e.*, cast(cast(?6 as text) as timestamptz)
            from unnest(cast(cast(?1 as text[]) as uuid[]), cast(?2 as text[]), cast(?3 as text[]),
                        cast(?4 as text[]), cast(?5 as text[])) as e""";
}
