package io.tousu.escalation.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.escalation.config.SlaConfig;
import io.tousu.escalation.domain.ClockKind;
import io.tousu.escalation.domain.SlaClock;
import io.tousu.escalation.domain.SlaClockId;
import io.tousu.escalation.repository.SlaClockRepository;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.platform.messaging.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Arms a complaint's clocks from {@code tousu.complaints}, once per event. */
@ApplicationScoped
public class ComplaintEventsConsumer {

    static final String CONSUMER = "escalation.clocks";

    private final EventInbox inbox;
    private final SlaClockRepository clocks;
    private final SlaConfig sla;

    public ComplaintEventsConsumer(EventInbox inbox, SlaClockRepository clocks, SlaConfig sla) {
        this.inbox = inbox;
        this.clocks = clocks;
        this.sla = sla;
    }

    @Incoming("complaints")
    public Uni<Void> consume(String json) {
        return inbox.process(CONSUMER, json, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (event.knownType().orElseThrow() != EventType.COMPLAINT_RECEIVED) {
            return Uni.createFrom().voidItem();
        }
        ComplaintReceived received = event.payloadAs(ComplaintReceived.class);
        UUID id = UUID.fromString(event.complaintId());
        return clocks.findById(new SlaClockId(id, ClockKind.RESOLUTION)).flatMap(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : clocks.persist(SlaClock.arm(id, ClockKind.RESOLUTION, event.province(), received.priority(),
                        received.receivedAt(), sla.resolution().getOrDefault(received.priority(),
                                sla.defaultResolution()))).replaceWithVoid());
    }
}
