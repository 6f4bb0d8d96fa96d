package io.tousu.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

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
        row.eventKey = envelope.complaintId() != null ? envelope.complaintId() : envelope.province();
        row.eventType = envelope.type();
        row.envelope = EventCodec.write(envelope);
        row.createdAt = Instant.now();
        return row.persist().replaceWithVoid();
    }
}
