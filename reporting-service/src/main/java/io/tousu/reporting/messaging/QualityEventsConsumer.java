package io.tousu.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.quality.InspectionScored;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.events.quality.TicketErrorRecorded;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.reporting.repository.QualityFactWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records ticket errors, risk hits and audited tickets from {@code tousu.quality}, once per event. */
@ApplicationScoped
public class QualityEventsConsumer {

    static final String CONSUMER = "reporting.quality-facts";

    private final EventInbox inbox;
    private final QualityFactWriter quality;

    public QualityEventsConsumer(EventInbox inbox, QualityFactWriter quality) {
        this.inbox = inbox;
        this.quality = quality;
    }

    @Incoming("quality")
    public Uni<Void> consume(String json) {
        return inbox.process(CONSUMER, json, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (event.complaintId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.fromString(event.complaintId());
        return switch (event.knownType().orElseThrow()) {
            case TICKET_ERROR_RECORDED -> quality.ticketError(id, event.province(),
                    event.payloadAs(TicketErrorRecorded.class));
            case RISK_HIT_RECORDED -> quality.riskHit(id, event.province(), event.payloadAs(RiskHitRecorded.class));
            case INSPECTION_SCORED -> quality.inspection(id, event.province(),
                    event.payloadAs(InspectionScored.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
