package io.tousu.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.reporting.domain.ComplaintFact;
import io.tousu.reporting.repository.ComplaintFactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Builds the complaint facts read model from {@code tousu.complaints}, once per event. */
@ApplicationScoped
public class ComplaintEventsConsumer {

    static final String CONSUMER = "reporting.complaint-facts";

    private final EventInbox inbox;
    private final ComplaintFactRepository facts;

    public ComplaintEventsConsumer(EventInbox inbox, ComplaintFactRepository facts) {
        this.inbox = inbox;
        this.facts = facts;
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
        return facts.findById(id).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ComplaintFact fact = new ComplaintFact();
            fact.complaintId = id;
            fact.ticketNo = received.ticketNo();
            fact.province = event.province();
            fact.city = received.city();
            fact.channel = received.channel();
            fact.category = received.category();
            fact.priority = received.priority();
            fact.receivedAt = received.receivedAt();
            return facts.persist(fact).replaceWithVoid();
        });
    }
}
