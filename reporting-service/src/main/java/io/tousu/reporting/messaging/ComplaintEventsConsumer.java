package io.tousu.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.reporting.repository.ComplaintFactWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the complaint facts from {@code tousu.complaints}, once per event. Lifecycle events that
 * move no indicator (status changes, notes, promises, urges, waits, closing) are recorded as
 * processed and otherwise ignored.
 *
 * <p>The channel is consumed in batches ({@code batch=true}, up to {@code max.poll.records} records
 * a poll), so that a burst costs one transaction per poll instead of one per event: the inbox records
 * the batch's event ids in one statement, and the new events are written together, a few multi-row
 * upserts for the whole batch ({@link ComplaintFactWriter#applyAll}), all in that one transaction. A
 * failure rolls the batch back and retries it; the batch is acknowledged only once applied.
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
        return inbox.processBatchTogether(CONSUMER, batch, facts::applyAll).replaceWithVoid();
    }
}
