package io.tousu.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.reporting.repository.ComplaintFactWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Adds what escalation knows to the complaint facts, once per event: a breach of the RESOLUTION
 * clock makes the resolution late (on-time resolution rate), escalations give the highest level
 * and the time each level was reached (escalated complaints of the weekly report).
 */
@ApplicationScoped
public class EscalationEventsConsumer {

    static final String CONSUMER = "reporting.escalation-facts";
    static final String RESOLUTION_CLOCK = "RESOLUTION";

    private final EventInbox inbox;
    private final ComplaintFactWriter facts;

    public EscalationEventsConsumer(EventInbox inbox, ComplaintFactWriter facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("escalations")
    public Uni<Void> consume(String json) {
        return inbox.process(CONSUMER, json, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (event.complaintId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.fromString(event.complaintId());
        return switch (event.knownType().orElseThrow()) {
            case SLA_BREACHED -> {
                SlaBreached breach = event.payloadAs(SlaBreached.class);
                yield RESOLUTION_CLOCK.equals(breach.clock())
                        ? facts.resolutionBreached(id, event.province(), breach.dueAt())
                        : Uni.createFrom().voidItem();
            }
            case COMPLAINT_ESCALATED -> {
                ComplaintEscalated escalated = event.payloadAs(ComplaintEscalated.class);
                Instant at = escalated.escalatedAt() != null ? escalated.escalatedAt() : event.occurredAt();
                yield facts.escalated(id, event.province(), escalated.toLevel())
                        .chain(() -> facts.escalation(id, event.province(), escalated.toLevel(), escalated.reason(),
                                at));
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
