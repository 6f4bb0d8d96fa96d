package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The complaint moved along its lifecycle. Statuses are RECEIVED, ASSIGNED, IN_PROGRESS,
 * PENDING_BACK_OFFICE, PENDING_CUSTOMER, RESOLVED, FOLLOWED_UP, REOPENED and CLOSED; the more
 * specific events (assigned, resolved, reopened, ...) are published beside this one.
 *
 * @param fromStatus the status before
 * @param toStatus   the status after
 * @param reason     free text, when the person or rule that changed it gave one
 * @param changedAt  when the status changed
 */
public record ComplaintStatusChanged(String fromStatus, String toStatus, String reason, Instant changedAt)
        implements EventPayload {
}
