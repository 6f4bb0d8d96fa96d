package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The wait for the customer is over; SLA clocks run again, shifted by the time waited.
 *
 * @param waitedSeconds how long the wait lasted, in seconds
 * @param endedAt       when the wait ended and the clocks resumed
 */
public record CustomerWaitEnded(long waitedSeconds, Instant endedAt) implements EventPayload {
}
