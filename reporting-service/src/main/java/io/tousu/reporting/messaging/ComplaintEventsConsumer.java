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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the complaint facts from {@code tousu.complaints}, once per event. Lifecycle events that
 * move no indicator (status changes, notes, promises, urges, waits, closing) are recorded as
 * processed and otherwise ignored.
 *
 * <p>The channel is consumed in batches ({@code batch=true}, up to {@code max.poll.records} records
 * a poll), so that a burst costs one transaction per poll instead of one per event: the inbox records
 * the batch's event ids in one statement and applies only the new ones, in the order polled (so each
 * complaint's events in their partition order), all in that one transaction. A failure rolls the
 * batch back and retries it; the batch is acknowledged only once applied.
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
    public Uni<Void> consume(List<String> batch) {
        return inbox.processBatch(CONSUMER, batch, this::apply).replaceWithVoid();
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
