package io.tousu.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.reporting.repository.ComplaintFactWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the complaint facts from {@code tousu.complaints}, once per event. Lifecycle events that
 * move no indicator (status changes, notes, promises, urges, waits, closing) are recorded as
 * processed and otherwise ignored.
 */
@ApplicationScoped
public class ComplaintEventsConsumer {

    static final String CONSUMER = "reporting.complaint-facts";

    private final EventInbox inbox;
    private final ComplaintFactWriter facts;

    public ComplaintEventsConsumer(EventInbox inbox, ComplaintFactWriter facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("complaints")
    public Uni<Void> consume(String json) {
        return inbox.process(CONSUMER, json, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event) {
        UUID id = UUID.fromString(event.complaintId());
        String province = event.province();
        return switch (event.knownType().orElseThrow()) {
            case COMPLAINT_RECEIVED -> facts.received(id, province, event.payloadAs(ComplaintReceived.class));
            case COMPLAINT_CATEGORY_CHANGED -> facts.categoryChanged(id, province,
                    event.payloadAs(ComplaintCategoryChanged.class).toCategory());
            case COMPLAINT_ASSIGNED -> facts.assigned(id, province, event.payloadAs(ComplaintAssigned.class));
            case COMPLAINT_HANDED_OFF -> facts.handedOff(id, province, event.payloadAs(ComplaintHandedOff.class));
            case COMPLAINT_RESOLVED -> facts.resolved(id, province, event.payloadAs(ComplaintResolved.class));
            case COMPLAINT_FOLLOWED_UP -> facts.followedUp(id, province, event.payloadAs(ComplaintFollowedUp.class));
            case COMPLAINT_REOPENED -> facts.reopened(id, province,
                    event.payloadAs(ComplaintReopened.class).reopenCount());
            default -> Uni.createFrom().voidItem();
        };
    }
}
