package io.tousu.quality.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.quality.domain.HighRiskRules;
import io.tousu.quality.domain.InspectionCandidate;
import io.tousu.quality.repository.InspectionCandidateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records inspection candidates from {@code tousu.complaints}, once per event. */
@ApplicationScoped
public class ComplaintEventsConsumer {

    static final String CONSUMER = "quality.candidates";

    private final EventInbox inbox;
    private final InspectionCandidateRepository candidates;

    public ComplaintEventsConsumer(EventInbox inbox, InspectionCandidateRepository candidates) {
        this.inbox = inbox;
        this.candidates = candidates;
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
        return candidates.findById(id).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            List<String> reasons = HighRiskRules.atIntake(received);
            InspectionCandidate c = new InspectionCandidate();
            c.complaintId = id;
            c.ticketNo = received.ticketNo();
            c.province = event.province();
            c.channel = received.channel();
            c.category = received.category();
            c.highRisk = !reasons.isEmpty();
            c.riskReasons = String.join(",", reasons);
            c.receivedAt = received.receivedAt();
            return candidates.persist(c).replaceWithVoid();
        });
    }
}
