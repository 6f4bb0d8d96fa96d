package io.tousu.quality.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.platform.messaging.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events one transaction writes to the outbox, kept to be counted in the metrics after commit. */
public final class Outgoing {

    private final Outbox outbox;
    private final List<EventEnvelope> events = new ArrayList<>();

    public Outgoing(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends an event about a complaint to the current transaction. */
    public Uni<Void> publish(EventPayload payload, String province, UUID complaintId, Instant at) {
        EventEnvelope envelope = EventEnvelope.of(payload, province, complaintId.toString(), at);
        events.add(envelope);
        return outbox.append(envelope);
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }
}
