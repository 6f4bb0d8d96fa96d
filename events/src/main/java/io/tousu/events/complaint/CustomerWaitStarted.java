package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The complaint is waiting for the customer (e.g. for a document or to be reachable); SLA clocks
 * pause until the matching {@link CustomerWaitEnded}.
 *
 * @param reason    free text: what the customer is expected to do
 * @param startedAt when the wait, and the pause of the clocks, began
 */
public record CustomerWaitStarted(String reason, Instant startedAt) implements EventPayload {
}
